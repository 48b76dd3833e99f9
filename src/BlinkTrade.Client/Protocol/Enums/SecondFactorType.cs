using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Which second factor a login needs.</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<SecondFactorType>))]
public readonly record struct SecondFactorType : IWireEnum<SecondFactorType>
{
    private readonly string? _value;

    /// <summary>Wraps a raw wire value; prefer the named static values.</summary>
    /// <param name="value">The wire string.</param>
    public SecondFactorType(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Time-based one-time password (wire <c>"OTP"</c>).</summary>
    public static SecondFactorType Otp { get; } = new("OTP");

    /// <summary>Emailed token (wire <c>"EMAIL"</c>).</summary>
    public static SecondFactorType Email { get; } = new("EMAIL");

    /// <summary>Both (wire <c>"OTP+EMAIL"</c>).</summary>
    public static SecondFactorType OtpAndEmail { get; } = new("OTP+EMAIL");

    /// <inheritdoc />
    public static WireEnumValues<SecondFactorType> Values { get; } = new(
        (Otp, nameof(Otp)),
        (Email, nameof(Email)),
        (OtpAndEmail, nameof(OtpAndEmail)));

    /// <summary>The raw wire value (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Values.IsKnown(this);

    /// <inheritdoc />
    public static SecondFactorType FromWire(string value) => Values.TryGet(value, out var known) ? known : new(value);

    /// <summary>The value's name, or <c>Unknown(raw)</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Values.NameOf(this);
}
