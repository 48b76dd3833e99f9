using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Withdrawal status (PROTOCOL.md §2.7).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<WithdrawStatus>))]
public readonly record struct WithdrawStatus : IWireEnum<WithdrawStatus>
{
    private readonly string? _value;

    /// <summary>Wraps a raw wire value; prefer the named static values.</summary>
    /// <param name="value">The wire string.</param>
    public WithdrawStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Unconfirmed: awaiting email token or second factor (wire <c>"0"</c>).</summary>
    public static WithdrawStatus Unconfirmed { get; } = new("0");

    /// <summary>Confirmed, waiting for the broker (wire <c>"1"</c>).</summary>
    public static WithdrawStatus Pending { get; } = new("1");

    /// <summary>In progress (funds debited) (wire <c>"2"</c>).</summary>
    public static WithdrawStatus InProgress { get; } = new("2");

    /// <summary>Complete (wire <c>"4"</c>).</summary>
    public static WithdrawStatus Complete { get; } = new("4");

    /// <summary>Cancelled (wire <c>"8"</c>).</summary>
    public static WithdrawStatus Cancelled { get; } = new("8");

    /// <inheritdoc />
    public static WireEnumValues<WithdrawStatus> Values { get; } = new(
        (Unconfirmed, nameof(Unconfirmed)),
        (Pending, nameof(Pending)),
        (InProgress, nameof(InProgress)),
        (Complete, nameof(Complete)),
        (Cancelled, nameof(Cancelled)));

    /// <summary>The raw wire value (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Values.IsKnown(this);

    /// <inheritdoc />
    public static WithdrawStatus FromWire(string value) => Values.TryGet(value, out var known) ? known : new(value);

    /// <summary>The value's name, or <c>Unknown(raw)</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Values.NameOf(this);
}
