using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Time in force (FIX tag 59).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<TimeInForce>))]
public readonly record struct TimeInForce : IWireEnum<TimeInForce>
{
    private readonly string? _value;

    /// <summary>Wraps a raw wire value; prefer the named static values.</summary>
    /// <param name="value">The wire string.</param>
    public TimeInForce(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Day (treated as good-till-cancel) (wire <c>"0"</c>).</summary>
    public static TimeInForce Day { get; } = new("0");

    /// <summary>Good till cancel, the default (wire <c>"1"</c>).</summary>
    public static TimeInForce GoodTillCancel { get; } = new("1");

    /// <summary>Immediate or cancel: the unfilled remainder is cancelled (wire <c>"3"</c>).</summary>
    public static TimeInForce ImmediateOrCancel { get; } = new("3");

    /// <summary>Fill or kill: all or nothing, immediately (wire <c>"4"</c>).</summary>
    public static TimeInForce FillOrKill { get; } = new("4");

    /// <inheritdoc />
    public static WireEnumValues<TimeInForce> Values { get; } = new(
        (Day, nameof(Day)),
        (GoodTillCancel, nameof(GoodTillCancel)),
        (ImmediateOrCancel, nameof(ImmediateOrCancel)),
        (FillOrKill, nameof(FillOrKill)));

    /// <summary>The raw wire value (empty for <see langword="default"/>).</summary>
    public string Value => _value ?? string.Empty;

    /// <inheritdoc />
    public bool IsKnown => Values.IsKnown(this);

    /// <inheritdoc />
    public static TimeInForce FromWire(string value) => Values.TryGet(value, out var known) ? known : new(value);

    /// <summary>The value's name, or <c>Unknown(raw)</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Values.NameOf(this);
}
