namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>W</c> MarketDataFullRefresh: the snapshot of one instrument's book (and recent trades plus a volume entry
/// when trades were requested) (PROTOCOL.md §2.4).
/// </summary>
[MessageType(MessageTypes.MarketDataFullRefresh)]
public sealed partial record MarketDataFullRefresh : BlinkTradeMessage
{
    /// <summary>Subscription id.</summary>
    public long MDReqID { get; init; }

    /// <summary>Instrument.</summary>
    public string? Symbol { get; init; }

    /// <summary>Depth echoed from the request.</summary>
    public int? MarketDepth { get; init; }

    /// <summary>Book entries (bids then offers, each best first), trades (oldest first), then a volume entry.</summary>
    public IReadOnlyList<MarketDataEntry>? MDFullGrp { get; init; }
}
