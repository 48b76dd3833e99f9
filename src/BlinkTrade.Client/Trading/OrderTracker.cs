using System.Collections;
using System.Collections.Concurrent;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Trading;

/// <summary>
/// The client's <see cref="IOrderTracker"/>: each order's latest state, written by the receive loop (under
/// <see cref="Gate"/>), read from any thread. Closed orders (filled, cancelled, rejected, expired) are kept only up
/// to <see cref="MaxClosedOrders"/>, oldest closed first out, so a bot that trades for weeks does not grow without
/// bound. Public for <see cref="IsOpen"/>; an application reads it through <see cref="IBlinkTradeClient.Orders"/>.
/// </summary>
public sealed class OrderTracker : IOrderTracker
{
    /// <summary>The default of <see cref="MaxClosedOrders"/>.</summary>
    public const int DefaultMaxClosedOrders = 10_000;

    private readonly ConcurrentDictionary<long, ExecutionReport> _byOrderId = new();
    private readonly ConcurrentDictionary<string, long> _orderIdByClOrdId = new(StringComparer.Ordinal);
    private readonly Dictionary<long, long> _maxExecId = [];
    private readonly Queue<long> _closedInOrder = new();
    private readonly OrderView _all;
    private readonly OrderView _open;
    private int _openCount; // written under Gate

    /// <summary>Creates a tracker.</summary>
    /// <param name="maxClosedOrders">How many closed orders to keep (at least 1).</param>
    internal OrderTracker(int maxClosedOrders = DefaultMaxClosedOrders)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxClosedOrders, 1);
        MaxClosedOrders = maxClosedOrders;
        _all = new OrderView(this, openOnly: false);
        _open = new OrderView(this, openOnly: true);
    }

    /// <inheritdoc />
    public int MaxClosedOrders { get; }

    /// <inheritdoc />
    public IReadOnlyCollection<ExecutionReport> All => _all;

    /// <inheritdoc />
    public IReadOnlyCollection<ExecutionReport> Open => _open;

    /// <inheritdoc />
    public bool TryGet(long orderId, out ExecutionReport report) => _byOrderId.TryGetValue(orderId, out report!);

    /// <inheritdoc />
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
        _openCount += (IsOpen(report.OrdStatus) ? 1 : 0) - (known is not null && IsOpen(known.OrdStatus) ? 1 : 0);
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
            if (IsOpen(report.OrdStatus))
            {
                _openCount--; // reopened after it closed (a late report); it is forgotten all the same
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

    // A live view over the dictionary: ConcurrentDictionary's enumerator neither locks nor copies.
    private sealed class OrderView(OrderTracker tracker, bool openOnly) : IReadOnlyCollection<ExecutionReport>
    {
        public int Count => openOnly ? Volatile.Read(ref tracker._openCount) : tracker._byOrderId.Count;

        public IEnumerator<ExecutionReport> GetEnumerator()
        {
            foreach (var (_, report) in tracker._byOrderId)
            {
                if (!openOnly || IsOpen(report.OrdStatus))
                {
                    yield return report;
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
