using System.Collections.Concurrent;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Trading;

/// <summary>
/// Each order's latest state (its most recent execution report), fed by every report the session receives —
/// including orders placed by other sessions of the same user — and by the reconciliation after a reconnect.
/// Thread-safe for readers; written by the receive loop. Open orders are always kept; closed ones (filled, cancelled,
/// rejected, expired) only up to <see cref="MaxClosedOrders"/>, oldest closed first out, so a bot that trades for
/// weeks does not grow without bound.
/// </summary>
public sealed class OrderTracker
{
    /// <summary>The default of <see cref="MaxClosedOrders"/>.</summary>
    public const int DefaultMaxClosedOrders = 10_000;

    private readonly ConcurrentDictionary<long, ExecutionReport> _byOrderId = new();
    private readonly ConcurrentDictionary<string, long> _orderIdByClOrdId = new(StringComparer.Ordinal);
    private readonly Dictionary<long, long> _maxExecId = [];
    private readonly Queue<long> _closedInOrder = new();

    /// <summary>Creates a tracker.</summary>
    /// <param name="maxClosedOrders">How many closed orders to keep (at least 1).</param>
    public OrderTracker(int maxClosedOrders = DefaultMaxClosedOrders)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxClosedOrders, 1);
        MaxClosedOrders = maxClosedOrders;
    }

    /// <summary>How many closed orders are kept; older closed orders are forgotten (open orders never are).</summary>
    public int MaxClosedOrders { get; }

    /// <summary>Every known order's latest report.</summary>
    public IReadOnlyCollection<ExecutionReport> All => [.. _byOrderId.Values];

    /// <summary>Orders still working (new, partially filled, stopped or pending).</summary>
    public IReadOnlyCollection<ExecutionReport> Open => [.. _byOrderId.Values.Where(r => IsOpen(r.OrdStatus))];

    /// <summary>Finds an order by exchange id.</summary>
    /// <param name="orderId">The <c>OrderID</c>.</param>
    /// <param name="report">The latest report.</param>
    /// <returns>Whether the order is known.</returns>
    public bool TryGet(long orderId, out ExecutionReport report) => _byOrderId.TryGetValue(orderId, out report!);

    /// <summary>Finds an order by client id.</summary>
    /// <param name="clOrdId">The <c>ClOrdID</c>.</param>
    /// <param name="report">The latest report.</param>
    /// <returns>Whether the order is known.</returns>
    public bool TryGet(string clOrdId, out ExecutionReport report)
    {
        report = null!;
        return _orderIdByClOrdId.TryGetValue(clOrdId, out var orderId) && _byOrderId.TryGetValue(orderId, out report!);
    }

    /// <summary>Whether an order status is still working.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for new, partially filled, stopped, pending new and pending cancel.</returns>
    public static bool IsOpen(OrdStatus status)
        => status == OrdStatus.New || status == OrdStatus.PartiallyFilled || status == OrdStatus.Stopped
        || status == OrdStatus.PendingNew || status == OrdStatus.PendingCancel;

    /// <summary>The lock the order state is written under; <see cref="ExecutionSequencer"/> holds it across a
    /// decision and its publication so a synthesized report and the live report after it keep their order.</summary>
    internal object Gate => _byOrderId;

    /// <summary>Under <see cref="Gate"/>: the order's latest report, or <see langword="null"/>.</summary>
    internal ExecutionReport? Find(long orderId) => _byOrderId.GetValueOrDefault(orderId);

    /// <summary>Under <see cref="Gate"/>: raises the order's ExecID watermark; <see langword="false"/> for a report
    /// whose ExecID is not above it (a replay). Synthesized reports (ExecID 0) always pass.</summary>
    internal bool TryAdvanceExecId(ExecutionReport report)
    {
        if (report.ExecID == 0)
        {
            return true;
        }
        if (report.ExecID <= _maxExecId.GetValueOrDefault(report.OrderID))
        {
            return false;
        }
        _maxExecId[report.OrderID] = report.ExecID;
        return true;
    }

    /// <summary>Executed and cancelled quantities never decrease: a report behind the known state is stale (e.g. a
    /// report from before a gap, delivered after the reconciliation caught up).</summary>
    internal static bool IsBehind(ExecutionReport report, ExecutionReport known)
        => report.CumQty < known.CumQty || report.CxlQty < known.CxlQty;

    /// <summary>Under <see cref="Gate"/>: stores a report as the order's latest state.</summary>
    internal void Record(ExecutionReport report)
    {
        if (report.OrderID == 0)
        {
            return;
        }
        var known = Find(report.OrderID);
        _byOrderId[report.OrderID] = report;
        if (report.ClOrdID is { Length: > 0 } clOrdId)
        {
            _orderIdByClOrdId[clOrdId] = report.OrderID;
        }
        if (!IsOpen(report.OrdStatus) && (known is null || IsOpen(known.OrdStatus)))
        {
            _closedInOrder.Enqueue(report.OrderID);
            EvictClosedBeyondLimit();
        }
    }

    // Under the lock. Forgets the oldest closed orders beyond the limit: their report, ClOrdID and ExecID watermark.
    private void EvictClosedBeyondLimit()
    {
        while (_closedInOrder.Count > MaxClosedOrders)
        {
            var orderId = _closedInOrder.Dequeue();
            if (!_byOrderId.TryRemove(orderId, out var report))
            {
                continue;
            }
            _maxExecId.Remove(orderId);
            if (report.ClOrdID is { Length: > 0 } clOrdId)
            {
                _orderIdByClOrdId.TryRemove(new KeyValuePair<string, long>(clOrdId, orderId));
            }
        }
    }

    /// <summary>Whether two reports describe the same order state (a replay carries nothing new).</summary>
    internal static bool SameState(ExecutionReport a, ExecutionReport b)
        => a.OrdStatus == b.OrdStatus && a.CumQty == b.CumQty && a.LeavesQty == b.LeavesQty && a.CxlQty == b.CxlQty;
}
