using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

// The wire fields, attributes and docs of this record are in Protocol/Dictionary/Messages.json.
public sealed partial record Ticker
{
    /// <summary>24 h quote-currency volume (<see cref="BuyVolume"/>).</summary>
    [JsonIgnore]
    public Amount? QuoteVolume24h => BuyVolume;

    /// <summary>24 h base-currency volume (<see cref="SellVolume"/>).</summary>
    [JsonIgnore]
    public Quantity? BaseVolume24h => SellVolume;
}
