namespace BlinkTrade.Client.Protocol;

/// <summary><c>e</c> SecurityStatusRequest: ticker subscription (PROTOCOL.md §2.4). Answered by <see cref="Ticker"/> snapshots and updates.</summary>
[MessageType(MessageTypes.SecurityStatusRequest)]
public sealed partial record SecurityStatusRequest : BlinkTradeMessage
{
    /// <summary>Subscription id.</summary>
    public long SecurityStatusReqID { get; init; }

    /// <summary>Snapshot + updates, or unsubscribe.</summary>
    public SubscriptionRequestType SubscriptionRequestType { get; init; }

    /// <summary>Instruments: plain symbols, or <c>"MARKET:SYMBOL"</c> (2016+).</summary>
    public IReadOnlyList<string>? Instruments { get; init; }
}
