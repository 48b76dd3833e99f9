using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Time in force (FIX tag 59).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<TimeInForce>))]
public readonly partial record struct TimeInForce : IWireEnum<TimeInForce>
{
    /// <summary>Day (treated as good-till-cancel) (wire <c>"0"</c>).</summary>
    public static TimeInForce Day { get; } = new("0");

    /// <summary>Good till cancel, the default (wire <c>"1"</c>).</summary>
    public static TimeInForce GoodTillCancel { get; } = new("1");

    /// <summary>Immediate or cancel: the unfilled remainder is cancelled (wire <c>"3"</c>).</summary>
    public static TimeInForce ImmediateOrCancel { get; } = new("3");

    /// <summary>Fill or kill: all or nothing, immediately (wire <c>"4"</c>).</summary>
    public static TimeInForce FillOrKill { get; } = new("4");
}
