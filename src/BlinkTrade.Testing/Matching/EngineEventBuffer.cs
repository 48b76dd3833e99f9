using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Collections;

namespace BlinkTrade.Testing.Matching;

/// <summary>
/// The preallocated sink the engine writes one command's output into: execution reports, market-data book
/// changes, trades and balance changes, each in the order they happened. The engine clears it at the start of
/// every command, so the spans are valid until the next command. Arrays only grow (to the largest command seen),
/// so steady-state commands allocate nothing.
/// </summary>
internal sealed class EngineEventBuffer
{
    private ExecutionReport[] _reports;
    private PendingReport[] _pending;
    private BookEvent[] _bookEvents;
    private Trade[] _trades;
    private readonly BalanceChangeLog _balanceChanges;
    private OrderStore? _orders;
    private ChunkedLog<Trade>? _tradeLog;

    /// <summary>Trade log rows before the command's first trade.</summary>
    private long _firstTrade;
    private int _reportCount;

    /// <summary>Reports of the command built so far from <see cref="_pending"/> (the rest are built when read).</summary>
    private int _builtCount;
    private int _bookEventCount;

    /// <summary>Creates a buffer with room for <paramref name="initialCapacity"/> events of each kind.</summary>
    /// <param name="initialCapacity">Initial capacity per event kind (grows on demand).</param>
    public EngineEventBuffer(int initialCapacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialCapacity, 1);
        _reports = new ExecutionReport[initialCapacity];
        _pending = new PendingReport[initialCapacity];
        _bookEvents = new BookEvent[initialCapacity];
        _trades = new Trade[initialCapacity];
        _balanceChanges = new BalanceChangeLog(initialCapacity);
    }

    /// <summary>Execution reports of the last command, in emission order (§3.9), built when first read: the engine notes what changed
    /// at each event (<see cref="PendingReport"/>) and the order's identity and terms come from its slot here, not at every fill.</summary>
    public ReadOnlySpan<ExecutionReport> ExecutionReports
    {
        get
        {
            if (_builtCount < _reportCount)
            {
                BuildReports();
            }

            return new(_reports, 0, _reportCount);
        }
    }

    /// <summary>Market-data book changes of the last command, in application order (§3.8).</summary>
    public ReadOnlySpan<BookEvent> BookEvents => new(_bookEvents, 0, _bookEventCount);

    /// <summary>Trades (fills) of the last command, in fill order: the engine writes each trade once, into its trade log, and these are
    /// the log's rows of the command (copied here only when they straddle two of the log's chunks).</summary>
    public ReadOnlySpan<Trade> Trades
    {
        get
        {
            if (_tradeLog is not { } log)
            {
                return [];
            }

            var count = (int)(log.Count - _firstTrade);
            if (log.TryGetSpan(_firstTrade, count, out var rows))
            {
                return rows;
            }

            if (_trades.Length < count)
            {
                _trades = new Trade[Math.Max(count, _trades.Length * 2)];
            }

            for (var i = 0; i < count; i++)
            {
                _trades[i] = log[_firstTrade + i];
            }

            return new(_trades, 0, count);
        }
    }

    /// <summary>Balance changes of the last command: one per account and currency it changed, in the order first changed, with the
    /// balance at the end of the command (built when first read).</summary>
    public ReadOnlySpan<BalanceChange> BalanceChanges => _balanceChanges.Changes;

    /// <summary>Forgets the previous command's events (the engine calls this at the start of every command).</summary>
    public void Clear()
    {
        _reportCount = 0;
        _builtCount = 0;
        _bookEventCount = 0;
        _firstTrade = _tradeLog?.Count ?? 0;
        _balanceChanges.Clear();
    }

    /// <summary>The order slots reports are built from and the trade log the command's trades are written to (the engine's).</summary>
    internal void Bind(OrderStore orders, ChunkedLog<Trade> tradeLog)
    {
        _orders = orders;
        _tradeLog = tradeLog;
        _firstTrade = tradeLog.Count;
    }

    /// <summary>Appends a report of the order in <paramref name="slot"/>; the caller writes what changed. The slot must keep the order's
    /// identity and terms until the next command (a closed slot does: it is cleared when allocated again).</summary>
    internal ref PendingReport AddReport(int slot)
    {
        if (_reportCount == _pending.Length)
        {
            Grow();
        }

        ref var pending = ref _pending[_reportCount++];
        pending.Slot = slot;
        return ref pending;
    }

    /// <summary>Appends a report written whole (a reject, which has no slot).</summary>
    internal ref ExecutionReport AddWholeReport()
    {
        if (_reportCount == _pending.Length)
        {
            Grow();
        }

        _pending[_reportCount].Slot = -1;
        return ref _reports[_reportCount++];
    }

    internal ref BookEvent AddBookEvent()
    {
        if (_bookEventCount == _bookEvents.Length)
        {
            Array.Resize(ref _bookEvents, _bookEvents.Length * 2);
        }

        return ref _bookEvents[_bookEventCount++];
    }

    /// <summary>Where the risk engine writes the command's balance changes.</summary>
    internal BalanceChangeLog BalanceLog => _balanceChanges;

    private void Grow()
    {
        Array.Resize(ref _pending, _pending.Length * 2);
        Array.Resize(ref _reports, _pending.Length);
    }

    private void BuildReports()
    {
        var orders = _orders ?? throw new InvalidOperationException("The buffer is not bound to an order store.");
        for (var i = _builtCount; i < _reportCount; i++)
        {
            ref var pending = ref _pending[i];
            if (pending.Slot < 0)
            {
                continue;
            }

            ref var order = ref orders[pending.Slot];
            ref var report = ref _reports[i];
            report.ExecId = pending.ExecId;
            report.OrderId = order.OrderId;
            report.ClOrdId = order.ClOrdId;
            report.Symbol = order.Instrument.Symbol;
            report.Side = order.Side;
            report.OrderType = order.OrderType;
            report.TimeInForce = order.TimeInForce;
            report.OrderQty = order.OrderQty;
            report.Price = order.Price;
            report.StopPx = order.StopPx;
            report.BrokerId = order.BrokerId;
            report.UserId = order.UserId;
            report.Timestamp = pending.Timestamp;
            report.ExecType = pending.ExecType;
            report.OrderStatus = StatusOf(order.OrderQty, pending.CumQty, pending.LeavesQty);
            report.ExecSide = pending.ExecSide;
            report.LastShares = pending.LastShares;
            report.LastPx = pending.LastPx;
            report.LeavesQty = pending.LeavesQty;
            report.CumQty = pending.CumQty;
            report.CxlQty = order.OrderQty - pending.CumQty - pending.LeavesQty;
            report.AvgPx = pending.AvgPx;
            report.OrdRejReason = OrderRejectReason.None;
            report.Text = pending.Text;
        }

        _builtCount = _reportCount;
    }

    /// <summary>§3.5 <c>_adjust_status</c>: derived from the quantities.</summary>
    internal static OrderStatus StatusOf(long orderQty, long cumQty, long leavesQty)
    {
        if (cumQty == orderQty)
        {
            return OrderStatus.Filled;
        }

        if (leavesQty == 0)
        {
            return OrderStatus.Canceled;
        }

        return cumQty > 0 ? OrderStatus.PartiallyFilled : OrderStatus.New;
    }
}
