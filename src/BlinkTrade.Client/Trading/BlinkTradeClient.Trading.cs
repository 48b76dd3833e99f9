using System.Collections.Concurrent;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Session;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Client;

// Orders: D / F, the execution-report stream, the order tracker and the post-reconnect reconciliation.
public partial class BlinkTradeClient
{
    private const int ReconcilePageSize = 100;
    private OrderTracker _orders = new();
    private ExecutionSequencer _sequencer = null!;
    // Callers of WaitForOrderCompletionAsync whose order is still working; guarded by the tracker's lock.
    private readonly List<OrderCompletionWaiter> _completionWaiters = [];

    // ClOrdIDs of orders sent whose first execution report has not arrived yet. If the connection drops in between,
    // the exchange may have accepted (and even filled) such an order: the reconciliation looks for them by ClOrdID.
    private readonly ConcurrentDictionary<string, byte> _unacknowledgedOrders = new(StringComparer.Ordinal);
    private SafeSubject<ExecutionReport> _executionReports = null!;
    private SafeSubject<Fill> _fills = null!;

    /// <inheritdoc />
    public virtual IObservable<ExecutionReport> ExecutionReports => _executionReports;

    /// <inheritdoc />
    public virtual IObservable<Fill> Fills => _fills;

    /// <inheritdoc />
    public virtual OrderTracker Orders => _orders;

    /// <inheritdoc />
    public virtual Task<ExecutionReport> SendOrderAsync(NewOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        order.Validate();
        var clOrdId = order.ClOrdID ?? _ids.NextClOrdID();
        var message = new NewOrderSingle
        {
            ClOrdID = clOrdId,
            Symbol = order.Symbol,
            Side = order.Side,
            OrdType = order.OrdType,
            Price = order.Price,
            StopPx = order.StopPrice,
            OrderQty = order.Quantity,
            TimeInForce = order.TimeInForce,
            ExecInst = order.PostOnly ? ExecInst.PostOnly : null,
            BrokerID = _options.BrokerId,
            ClientID = order.ClientID,
        };
        // Tracked once it has a session: an order that waited for a reconnect cannot have reached the exchange before it.
        return RequestCoreAsync<ExecutionReport>(message, clOrdId, MessageTypes.ExecutionReport, null, cancellationToken,
            () => _unacknowledgedOrders.TryAdd(clOrdId, 0));
    }

    /// <inheritdoc />
    public virtual Task<ExecutionReport> CancelOrderAsync(string clOrdId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clOrdId);
        return RequestCoreAsync<ExecutionReport>(OrderCancelRequest.ByClOrdID(clOrdId), clOrdId, MessageTypes.ExecutionReport, IsCancelReport, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<ExecutionReport> CancelOrderAsync(long orderId, CancellationToken cancellationToken = default)
        => RequestCoreAsync<ExecutionReport>(OrderCancelRequest.ByOrderID(orderId), Id(orderId), MessageTypes.ExecutionReport, IsCancelReport, cancellationToken);

    /// <inheritdoc />
    public virtual async Task CancelAllOrdersAsync(Side? side = null, CancellationToken cancellationToken = default)
    {
        var (session, left) = await AcquireSessionAsync(MessageTypes.OrderCancelRequest, "cancel-all", cancellationToken).ConfigureAwait(false);
        foreach (var each in side is { } one ? [one] : new[] { Side.Buy, Side.Sell })
        {
            await session.SendAsync(OrderCancelRequest.All(each), cancellationToken, left).ConfigureAwait(false);
        }
    }

    // Only a cancel report answers a cancel request (a fill of the same order may arrive first).
    private static bool IsCancelReport(BlinkTradeMessage message)
        => message is ExecutionReport report && (report.ExecType == ExecType.Cancelled || report.OrdStatus == OrdStatus.Cancelled);

    /// <inheritdoc />
    public virtual Task<ExecutionReport> WaitForOrderCompletionAsync(string clOrdId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clOrdId);
        return WaitForCompletionCoreAsync(new OrderCompletionWaiter(clOrdId, 0), timeout, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<ExecutionReport> WaitForOrderCompletionAsync(long orderId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(orderId);
        return WaitForCompletionCoreAsync(new OrderCompletionWaiter(null, orderId), timeout, cancellationToken);
    }

    private async Task<ExecutionReport> WaitForCompletionCoreAsync(OrderCompletionWaiter waiter, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_orders.Gate)
        {
            // Under the lock reports are recorded and published under: the order cannot end between this look and
            // the registration.
            var found = waiter.ClOrdID is { } clOrdId ? _orders.TryGet(clOrdId, out var report) : _orders.TryGet(waiter.OrderID, out report);
            if (found && !OrderTracker.IsOpen(report.OrdStatus))
            {
                return report;
            }
            _completionWaiters.Add(waiter);
        }
        try
        {
            return timeout is { } limit
                ? await waiter.Completion.Task.WaitAsync(limit, _time, cancellationToken).ConfigureAwait(false)
                : await waiter.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_orders.Gate)
            {
                _completionWaiters.Remove(waiter);
            }
        }
    }

    private void InitializeTrading()
    {
        _orders = new OrderTracker(_options.MaxClosedOrders);
        _executionReports = CreateEventSubject<ExecutionReport>("ExecutionReports");
        _fills = CreateEventSubject<Fill>("Fills");
        _sequencer = new ExecutionSequencer(_orders, PublishReport);
    }

    private void CompleteTrading()
    {
        _executionReports.OnCompleted();
        _fills.OnCompleted();
        lock (_orders.Gate)
        {
            foreach (var waiter in _completionWaiters)
            {
                waiter.Completion.TrySetException(new ObjectDisposedException(nameof(BlinkTradeClient)));
            }
        }
    }

    // Under the tracker's lock (see ExecutionSequencer): the report stream, the fill stream and completion waiters see
    // every report in the same order.
    private void PublishReport(ExecutionReport report)
    {
        if (report.IsSynthesized)
        {
            ClientLog.ReportSynthesized(_logger, report.OrderID, report.Text, report.LastShares.Satoshis);
        }
        _executionReports.OnNext(report);
        if (report.LastShares.Satoshis > 0 && Fill.From(report, _time.GetUtcNow()) is { } fill)
        {
            _fills.OnNext(fill);
        }
        if (_completionWaiters.Count > 0 && !OrderTracker.IsOpen(report.OrdStatus))
        {
            for (var i = _completionWaiters.Count - 1; i >= 0; i--)
            {
                var waiter = _completionWaiters[i];
                if (waiter.Matches(report))
                {
                    _completionWaiters.RemoveAt(i);
                    waiter.Completion.TrySetResult(report);
                }
            }
        }
    }

    // Receive loop.
    private void OnTrading(BlinkTradeMessage message)
    {
        if (message is not ExecutionReport report)
        {
            return;
        }
        if (report.ClOrdID is { } clOrdId && !_unacknowledgedOrders.IsEmpty)
        {
            _unacknowledgedOrders.TryRemove(clOrdId, out _);
        }
        _sequencer.AcceptLive(report);
    }

    /// <summary>
    /// After a reconnect: list recent orders (U4, newest first) and publish, for every tracked order whose state
    /// changed while the connection was down, the synthesized reports that bring the application's view up to the
    /// exchange's (<see cref="ExecutionSequencer.AcceptReconciled"/>: the missed fills as one report with their
    /// quantity and volume-weighted price, then any other end). Replayed reports are dropped by the sequencer, so no
    /// report is lost or delivered twice. Pages until every order the tracker holds open has been seen (or the
    /// history ends): an old order filled during the gap may be far down. Orders this client sent whose first report
    /// never arrived (the connection dropped in between) are found by ClOrdID and reported whatever their state —
    /// filled, cancelled or rejected during the gap included.
    /// </summary>
    private async Task<ReconcileOutcome> ReconcileOrdersAsync(SessionConnection session, CancellationToken cancellationToken)
    {
        var pendingOpen = _orders.Open.Where(r => r.OrderID != 0).Select(r => r.OrderID).ToHashSet();
        // Sent before the drop, never acknowledged: either the exchange has them (then U4 lists them) or they were
        // lost with the connection. Either way they are settled by this reconciliation.
        var sentBeforeReconnect = _unacknowledgedOrders.Keys.ToArray();
        var unacknowledged = sentBeforeReconnect.ToHashSet(StringComparer.Ordinal);
        var outcome = new ReconcileOutcome();
        for (var page = 0; ; page++)
        {
            var id = _ids.Next();
            var request = new OrdersListRequest { OrdersReqID = id, Page = page, PageSize = ReconcilePageSize };
            var response = (OrdersListResponse)await session.RequestAsync(request, Id(id), [MessageTypes.OrdersListResponse], null, null, cancellationToken).ConfigureAwait(false);
            var rows = response.OrdListGrp ?? [];
            foreach (var row in rows)
            {
                if (row.OrderID is not { } orderId)
                {
                    continue;
                }
                outcome.Checked++;
                pendingOpen.Remove(orderId);
                var sentUnacknowledged = row.ClOrdID is { } rowClOrdId && unacknowledged.Remove(rowClOrdId);
                var (reports, fills) = _sequencer.AcceptReconciled(row, sentUnacknowledged);
                if (reports > 0)
                {
                    outcome.Orders++;
                    outcome.Reports += reports;
                    outcome.Fills += fills;
                }
            }
            if ((pendingOpen.Count == 0 && unacknowledged.Count == 0) || rows.Count < ReconcilePageSize)
            {
                break;
            }
        }
        foreach (var clOrdId in sentBeforeReconnect)
        {
            _unacknowledgedOrders.TryRemove(clOrdId, out _);
        }
        ClientLog.OrdersReconciled(_logger, outcome.Checked, outcome.Reports, outcome.Fills);
        return outcome;
    }
}
