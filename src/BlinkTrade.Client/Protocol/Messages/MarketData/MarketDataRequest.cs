namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>V</c> MarketDataRequest: subscribes to (or snapshots, or unsubscribes from) order books and trades
/// (PROTOCOL.md §2.4). Answered by one <see cref="MarketDataFullRefresh"/> per instrument, then
/// <see cref="MarketDataIncrementalRefresh"/> updates, or by <see cref="MarketDataRequestReject"/>.
/// </summary>
[MessageType(MessageTypes.MarketDataRequest)]
public sealed partial record MarketDataRequest : BlinkTradeMessage
{
    /// <summary>Subscription id.</summary>
    public long MDReqID { get; init; }

    /// <summary>Snapshot, snapshot + updates, or unsubscribe.</summary>
    public SubscriptionRequestType SubscriptionRequestType { get; init; }

    /// <summary>0 = full book, 1 = top of book, N = first N entries per side (a JSON integer; <c>"0"</c> is accepted).</summary>
    public int MarketDepth { get; init; }

    /// <summary>Update mode, required for snapshot + updates (<see cref="MarketDataUpdateType.Incremental"/>).</summary>
    public MarketDataUpdateType? MDUpdateType { get; init; }

    /// <summary>Entry types wanted: bids, offers, trades.</summary>
    public IReadOnlyList<MarketDataEntryType>? MDEntryTypes { get; init; }

    /// <summary>Symbols; one full refresh is sent per instrument.</summary>
    public IReadOnlyList<string>? Instruments { get; init; }

    /// <summary>Entry columns to restrict to (2016+ JS; server support unverified).</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Broker id (sent by some clients).</summary>
    public int? BrokerID { get; init; }
}
