using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>8</c> ExecutionReport: every order state change (new, fill, cancel, reject), sent to the order's sender and owner
/// (PROTOCOL.md §2.3, §3.9). Invariant: <c>CumQty + LeavesQty + CxlQty == OrderQty</c>.
/// </summary>
[JsonConverter(typeof(ExecutionReportJsonConverter))]
[MessageType(MessageTypes.ExecutionReport)]
public sealed partial record ExecutionReport : BlinkTradeMessage
{
    /// <summary>Exchange order id.</summary>
    public long OrderID { get; init; }

    /// <summary>Client order id as sent.</summary>
    public string? ClOrdID { get; init; }

    /// <summary>Execution id (monotonic per exchange).</summary>
    public long ExecID { get; init; }

    /// <summary>What happened: new, partial fill, fill, cancel, reject.</summary>
    public ExecType ExecType { get; init; }

    /// <summary>Order status after the event.</summary>
    public OrdStatus OrdStatus { get; init; }

    /// <summary>Side of the aggressor of the match that produced a fill report; the order's own side otherwise.
    /// A client was the maker when <c>ExecSide != Side</c>.</summary>
    public Side ExecSide { get; init; }

    /// <summary>Instrument.</summary>
    public string? Symbol { get; init; }

    /// <summary>Order side.</summary>
    public Side Side { get; init; }

    /// <summary>Order type.</summary>
    public OrdType OrdType { get; init; }

    /// <summary>Time in force.</summary>
    public TimeInForce? TimeInForce { get; init; }

    /// <summary>Original quantity.</summary>
    public Quantity OrderQty { get; init; }

    /// <summary>Limit price (0 for market orders).</summary>
    public Price Price { get; init; }

    /// <summary>Stop trigger price, for stop orders.</summary>
    public Price? StopPx { get; init; }

    /// <summary>Quantity of this fill (0 on non-fill reports).</summary>
    public Quantity LastShares { get; init; }

    /// <summary>Price of this fill (0 on non-fill reports).</summary>
    public Price LastPx { get; init; }

    /// <summary>Quantity still open.</summary>
    public Quantity LeavesQty { get; init; }

    /// <summary>Quantity executed so far.</summary>
    public Quantity CumQty { get; init; }

    /// <summary>Quantity cancelled.</summary>
    public Quantity CxlQty { get; init; }

    /// <summary>Floor of the quantity-weighted average fill price.</summary>
    public Price AvgPx { get; init; }

    /// <summary>Why the order was rejected (rejects only).</summary>
    public OrdRejReason? OrdRejReason { get; init; }

    /// <summary>Readable explanation (rejects).</summary>
    public string? Text { get; init; }

    /// <summary>Execution instruction echoed (post-only).</summary>
    public ExecInst? ExecInst { get; init; }

    /// <summary>The order's creation time, when sent.</summary>
    public DateTime? OrderDate { get; init; }

    /// <summary>Executed notional <c>CumQty × AvgPx / 1e8</c>; the server does not send it (clients compute it).</summary>
    public Amount? Volume { get; init; }

    /// <summary>
    /// <see langword="true"/> when the client made this report up instead of receiving it (never on the wire): the
    /// order changed while the connection was down, or a live report's <c>CumQty</c> jumped further than its
    /// <c>LastShares</c>. Such a report has <c>ExecID</c> 0 (the exchange has none for it); when it carries a fill,
    /// <c>LastShares</c> is the missing quantity and <c>LastPx</c> its volume-weighted price (PROTOCOL.md G41), so the
    /// <c>LastShares</c> of an order's reports always add up to its <c>CumQty</c>. It comes before the live report
    /// that revealed the gap.
    /// </summary>
    [JsonIgnore]
    public bool IsSynthesized { get; init; }
}
