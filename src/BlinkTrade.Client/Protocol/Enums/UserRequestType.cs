using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>The operation of a BE UserRequest (UserReqTyp).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<UserRequestType>))]
public readonly record struct UserRequestType : IWireEnum<UserRequestType>
{
    private readonly string? _value;

    /// <summary>Wraps a raw wire value; prefer the named static values.</summary>
    /// <param name="value">The wire string.</param>
    public UserRequestType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Log in (wire <c>"1"</c>).</summary>
    public static UserRequestType Login { get; } = new("1");

    /// <summary>Log out (wire <c>"2"</c>).</summary>
    public static UserRequestType Logout { get; } = new("2");

    /// <summary>Change password (wire <c>"3"</c>).</summary>
    public static UserRequestType ChangePassword { get; } = new("3");

    /// <inheritdoc />
    public static WireEnumValues<UserRequestType> Values { get; } = new(
        (Login, nameof(Login)),
        (Logout, nameof(Logout)),
        (ChangePassword, nameof(ChangePassword)));

    /// <summary>The raw wire value (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Values.IsKnown(this);

    /// <inheritdoc />
    public static UserRequestType FromWire(string value) => Values.TryGet(value, out var known) ? known : new(value);

    /// <summary>The value's name, or <c>Unknown(raw)</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Values.NameOf(this);
}
