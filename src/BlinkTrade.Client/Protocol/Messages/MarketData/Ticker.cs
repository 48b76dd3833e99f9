using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>f</c> SecurityStatus (wire name): an instrument's 24 h ticker, the element of <c>ObserveTicker</c>.</summary>
[MessageType(MessageTypes.SecurityStatus)]
public sealed partial record Ticker : BlinkTradeMessage
{
    /// <summary>Subscription id.</summary>
    public long SecurityStatusReqID { get; init; }

    /// <summary>Instrument.</summary>
    public string? Symbol { get; init; }

    /// <summary>Market, e.g. <c>BLINK</c> (2016+).</summary>
    public string? Market { get; init; }

    /// <summary>24 h high.</summary>
    public Price? HighPx { get; init; }

    /// <summary>24 h low.</summary>
    public Price? LowPx { get; init; }

    /// <summary>Last trade price.</summary>
    public Price? LastPx { get; init; }

    /// <summary>Best bid (null or 0 when the side is empty).</summary>
    public Price? BestBid { get; init; }

    /// <summary>Best ask (null or 0 when the side is empty).</summary>
    public Price? BestAsk { get; init; }

    /// <summary>24 h volume in the <b>quote</b> currency (misleading wire name, PROTOCOL.md §5 G27).</summary>
    public Amount? BuyVolume { get; init; }

    /// <summary>24 h volume in the <b>base</b> currency (misleading wire name, PROTOCOL.md §5 G27).</summary>
    public Quantity? SellVolume { get; init; }

    /// <summary>Volume-weighted average price, when sent.</summary>
    public Price? VWAP { get; init; }

    /// <summary>24 h quote-currency volume (<see cref="BuyVolume"/>).</summary>
    [JsonIgnore]
    public Amount? QuoteVolume24h => BuyVolume;

    /// <summary>24 h base-currency volume (<see cref="SellVolume"/>).</summary>
    [JsonIgnore]
    public Quantity? BaseVolume24h => SellVolume;
}
