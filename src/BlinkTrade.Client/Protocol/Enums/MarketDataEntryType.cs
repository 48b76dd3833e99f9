using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Market-data entry type (FIX MDEntryType, tag 269).</summary>
/// <remarks>Unknown wire values are preserved (<see cref="IsKnown"/> is false) instead of failing the parse.</remarks>
[JsonConverter(typeof(WireEnumConverter<MarketDataEntryType>))]
public readonly partial record struct MarketDataEntryType : IWireEnum<MarketDataEntryType>
{
    /// <summary>Bid (wire <c>"0"</c>).</summary>
    public static MarketDataEntryType Bid { get; } = new("0");

    /// <summary>Offer (ask) (wire <c>"1"</c>).</summary>
    public static MarketDataEntryType Offer { get; } = new("1");

    /// <summary>Trade (wire <c>"2"</c>).</summary>
    public static MarketDataEntryType Trade { get; } = new("2");

    /// <summary>Trading-session volume statistics (wire <c>"4"</c>).</summary>
    public static MarketDataEntryType TradingSessionStatistics { get; } = new("4");
}
