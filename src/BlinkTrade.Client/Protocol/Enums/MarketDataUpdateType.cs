using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Market-data update type (FIX MDUpdateType, tag 265).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<MarketDataUpdateType>))]
public readonly partial record struct MarketDataUpdateType : IWireEnum<MarketDataUpdateType>
{
    /// <summary>Full refresh (wire <c>"0"</c>).</summary>
    public static MarketDataUpdateType FullRefresh { get; } = new("0");

    /// <summary>Incremental refresh (wire <c>"1"</c>).</summary>
    public static MarketDataUpdateType Incremental { get; } = new("1");
}
