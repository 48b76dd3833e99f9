using System.Text;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>e</c> SecurityStatusRequest: ticker subscription (PROTOCOL.md §2.4). Answered by <see cref="Ticker"/> snapshots and updates.</summary>
public sealed record SecurityStatusRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.SecurityStatusRequest;

    /// <summary>Subscription id.</summary>
    public long SecurityStatusReqID { get; init; }

    /// <summary>Snapshot + updates, or unsubscribe.</summary>
    public SubscriptionRequestType SubscriptionRequestType { get; init; }

    /// <summary>Instruments: plain symbols, or <c>"MARKET:SYMBOL"</c> (2016+).</summary>
    public IReadOnlyList<string>? Instruments { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(SecurityStatusReqID), SecurityStatusReqID), (nameof(SubscriptionRequestType), SubscriptionRequestType),
        (nameof(Instruments), RecordText.List(Instruments)));
}
