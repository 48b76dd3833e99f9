using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Incremental market-data action (FIX MDUpdateAction, tag 279).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<MarketDataUpdateAction>))]
public readonly partial record struct MarketDataUpdateAction : IWireEnum<MarketDataUpdateAction>
{
    /// <summary>Insert at MDEntryPositionNo (wire <c>"0"</c>).</summary>
    public static MarketDataUpdateAction New { get; } = new("0");

    /// <summary>Replace at MDEntryPositionNo (wire <c>"1"</c>).</summary>
    public static MarketDataUpdateAction Change { get; } = new("1");

    /// <summary>Delete at MDEntryPositionNo (wire <c>"2"</c>).</summary>
    public static MarketDataUpdateAction Delete { get; } = new("2");

    /// <summary>Delete positions 1 through MDEntryPositionNo (wire <c>"3"</c>).</summary>
    public static MarketDataUpdateAction DeleteThru { get; } = new("3");
}
