namespace BlinkTrade.Benchmarks.Protocol.Peers;

/// <summary>
/// What a client without the SDK would parse a <c>W</c>/<c>X</c> entry into: every field the SDK's client reads from a
/// <c>MarketDataEntry</c> (book, trades, ticker), codes kept as their wire strings, amounts as satoshis.
/// </summary>
public sealed class PlainMarketDataEntry
{
    /// <summary>MDUpdateAction code (X only).</summary>
    public string? UpdateAction { get; set; }

    /// <summary>MDEntryType code.</summary>
    public string? EntryType { get; set; }

    /// <summary>Symbol (X only).</summary>
    public string? Symbol { get; set; }

    /// <summary>MDEntryPositionNo.</summary>
    public int? PositionNo { get; set; }

    /// <summary>MDEntryID.</summary>
    public long? EntryId { get; set; }

    /// <summary>MDEntryPx in satoshis.</summary>
    public long? Price { get; set; }

    /// <summary>MDEntrySize in satoshis.</summary>
    public long? Size { get; set; }

    /// <summary>MDEntryDate.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>MDEntryTime.</summary>
    public TimeOnly? Time { get; set; }

    /// <summary>OrderID.</summary>
    public long? OrderId { get; set; }

    /// <summary>UserID.</summary>
    public long? UserId { get; set; }

    /// <summary>Broker.</summary>
    public string? Broker { get; set; }

    /// <summary>TradeID.</summary>
    public long? TradeId { get; set; }

    /// <summary>Side code (trades).</summary>
    public string? Side { get; set; }

    /// <summary>SecondaryOrderID (trades).</summary>
    public long? SecondaryOrderId { get; set; }

    /// <summary>MDEntryBuyerID (trades).</summary>
    public long? BuyerId { get; set; }

    /// <summary>MDEntrySellerID (trades).</summary>
    public long? SellerId { get; set; }
}
