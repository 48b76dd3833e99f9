using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Order side (FIX tag 54).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<Side>))]
public readonly partial record struct Side : IWireEnum<Side>
{
    /// <summary>Buy (wire <c>"1"</c>).</summary>
    public static Side Buy { get; } = new("1");

    /// <summary>Sell (wire <c>"2"</c>).</summary>
    public static Side Sell { get; } = new("2");

    /// <summary>Redeem (order lists only; not accepted by NewOrderSingle) (wire <c>"E"</c>).</summary>
    public static Side Redeem { get; } = new("E");

    /// <summary>Lend (order lists only) (wire <c>"F"</c>).</summary>
    public static Side Lend { get; } = new("F");

    /// <summary>Borrow (order lists only) (wire <c>"G"</c>).</summary>
    public static Side Borrow { get; } = new("G");
}
