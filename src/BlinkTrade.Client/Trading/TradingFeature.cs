using System.Collections.Concurrent;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Internal;
using BlinkTrade.Client.Internal.Streams;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Session;

namespace BlinkTrade.Client.Trading;

/// <summary>The trading feature: orders (D / F), the execution-report and fill streams, the order tracker fed through
/// the <see cref="ExecutionSequencer"/> (every fill exactly once), and the reconciliation after a reconnect.</summary>
internal sealed class TradingFeature : IClientFeature
{
    private const int ReconcilePageSize = 100;
    private readonly ClientCore _core;
    private readonly SessionFeature _session;
    private readonly OrderTracker _orders;
    private readonly ExecutionSequencer _sequencer;
    // Callers of WaitForOrderCompletionAsync whose order is still working; guarded by the tracker's lock.
    private readonly List<OrderCompletionWaiter> _completionWaiters = [];

    // ClOrdIDs of orders sent whose first execution report has not arrived yet. If the connection drops in between,
    // the exchange may have accepted (and even filled) such an order: the reconciliation looks for them by ClOrdID.
    private readonly ConcurrentDictionary<string, byte> _unacknowledgedOrders = new(StringComparer.Ordinal);
    private readonly SafeSubject<ExecutionReport> _executionReports;
    // The instruments the pre-trade checks read; null when the checks are off.
    private readonly InstrumentCatalog? _instruments;
    private readonly SafeSubject<Fill> _fills;

    public TradingFeature(ClientCore core, SessionFeature session, Func<CancellationToken, Task<SecurityList>> readInstruments)
    {
        _core = core;
        _session = session;
        var checks = core.Options.PreTradeChecks;
        _instruments = checks.Enabled ? new InstrumentCatalog(readInstruments, checks.DefaultMinimumQuantity?.Satoshis) : null;
        _orders = new OrderTracker(core.Options.MaxClosedOrders);
        _executionReports = core.CreateEventSubject<ExecutionReport>("ExecutionReports");
        _fills = core.CreateEventSubject<Fill>("Fills");
        _sequencer = new ExecutionSequencer(_orders, PublishReport);
    }

    public IObservable<ExecutionReport> ExecutionReports => _executionReports;

    public IObservable<Fill> Fills => _fills;

    public IOrderTracker Orders => _orders;

    public Task<ExecutionReport> SendOrderAsync(NewOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        order.Validate();
        var message = new NewOrderSingle
        {
            ClOrdID = order.ClOrdID,
            Symbol = order.Symbol,
            Side = order.Side,
            OrdType = order.OrdType,
            Price = order.Price,
            StopPx = order.StopPrice,
            OrderQty = order.Quantity,
            TimeInForce = order.TimeInForce,
            ExecInst = order.PostOnly ? ExecInst.PostOnly : null,
            BrokerID = _core.Options.BrokerId,
            ClientID = order.ClientID,
        };
        return _instruments is null ? SendCheckedAsync(message, cancellationToken) : CheckThenSend(message, _instruments, cancellationToken);
    }

    // The pre-trade checks run before the order has a ClOrdID or a request: a refused order leaves no trace on the wire.
    // With the instrument list in hand (the usual case) they run here and the order's task is the request's own (no
    // async layer between); a refusal comes back as the faulted task, never thrown at the caller of SendOrderAsync.
    private Task<ExecutionReport> CheckThenSend(NewOrderSingle order, InstrumentCatalog instruments, CancellationToken cancellationToken)
    {
        try
        {
            PreTradeChecker.CheckShape(order);
            if (!instruments.TryFind(order.Symbol!, out var rules))
            {
                return CheckThenSendAsync(order, instruments, cancellationToken);
            }
            var checkedOrder = PreTradeChecker.Apply(order, rules ?? throw PreTradeChecker.UnknownSymbol(order), _core.Options.PreTradeChecks.PipRounding);
            return SendCheckedAsync(checkedOrder, cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<ExecutionReport>(e);
        }
    }

    // The list is being read (or must be read again): the wait for it counts toward the order's RequestTimeout, so the
    // call ends within one timeout even when the list is slow (or never comes), and then as a PreTradeCheckException,
    // which says the order was not sent.
    private async Task<ExecutionReport> CheckThenSendAsync(NewOrderSingle order, InstrumentCatalog instruments, CancellationToken cancellationToken)
    {
        var started = _core.Time.GetTimestamp();
        var timeout = _core.Options.RequestTimeout;
        InstrumentRules? rules;
        try
        {
            rules = await instruments.FindAsync(order.Symbol!, cancellationToken).WaitAsync(timeout, _core.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Requests.BlinkTradeErrorException or Requests.BlinkTradeTimeoutException)
        {
            throw PreTradeChecker.InstrumentsUnavailable(order, e);
        }
        catch (TimeoutException)
        {
            throw PreTradeChecker.InstrumentsUnavailable(order,
                new Requests.BlinkTradeTimeoutException(MessageTypes.SecurityListRequest, "(instrument list)", timeout));
        }
        var checkedOrder = PreTradeChecker.Apply(order, rules ?? throw PreTradeChecker.UnknownSymbol(order), _core.Options.PreTradeChecks.PipRounding);
        return await SendCheckedAsync(checkedOrder, cancellationToken, _core.Time.GetElapsedTime(started)).ConfigureAwait(false);
    }

    private Task<ExecutionReport> SendCheckedAsync(NewOrderSingle order, CancellationToken cancellationToken, TimeSpan spent = default)
    {
        var clOrdId = order.ClOrdID ?? _core.Ids.NextClOrdID();
        var message = order.ClOrdID is null ? order with { ClOrdID = clOrdId } : order;
        // Tracked once it has a session: an order that waited for a reconnect cannot have reached the exchange before it.
        return _core.RequestAsync<ExecutionReport>(message, clOrdId, MessageTypes.ExecutionReport, null, cancellationToken,
            () => _unacknowledgedOrders.TryAdd(clOrdId, 0), spent);
    }

    public Task<ExecutionReport> CancelOrderAsync(string clOrdId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clOrdId);
        return _core.RequestAsync<ExecutionReport>(OrderCancelRequest.ByClOrdID(clOrdId), clOrdId, MessageTypes.ExecutionReport, IsCancelReport, cancellationToken);
    }

    public Task<ExecutionReport> CancelOrderAsync(long orderId, CancellationToken cancellationToken = default)
        => _core.RequestAsync<ExecutionReport>(OrderCancelRequest.ByOrderID(orderId), ClientCore.IdText(orderId), MessageTypes.ExecutionReport, IsCancelReport, cancellationToken);

    public async Task CancelAllOrdersAsync(Side? side = null, CancellationToken cancellationToken = default)
    {
        var (session, left) = await _core.AcquireSessionAsync(MessageTypes.OrderCancelRequest, "cancel-all", cancellationToken).ConfigureAwait(false);
        foreach (var each in side is { } one ? [one] : new[] { Side.Buy, Side.Sell })
        {
            await session.SendAsync(OrderCancelRequest.All(each), cancellationToken, left).ConfigureAwait(false);
        }
    }

    // Only a cancel report answers a cancel request (a fill of the same order may arrive first).
    private static bool IsCancelReport(BlinkTradeMessage message)
        => message is ExecutionReport report && (report.ExecType == ExecType.Cancelled || report.OrdStatus == OrdStatus.Cancelled);

    public Task<ExecutionReport> WaitForOrderCompletionAsync(string clOrdId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(clOrdId);
        return WaitForCompletionCoreAsync(new OrderCompletionWaiter(clOrdId, 0), timeout, cancellationToken);
    }

    public Task<ExecutionReport> WaitForOrderCompletionAsync(long orderId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(orderId);
        return WaitForCompletionCoreAsync(new OrderCompletionWaiter(null, orderId), timeout, cancellationToken);
    }

    private async Task<ExecutionReport> WaitForCompletionCoreAsync(OrderCompletionWaiter waiter, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        _core.ThrowIfDisposed();
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
                ? await waiter.Completion.Task.WaitAsync(limit, _core.Time, cancellationToken).ConfigureAwait(false)
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

    public void Register(MessageRouter router) => router.On<ExecutionReport>(OnExecutionReport);

    // The next order reads the instruments again, from the new session.
    public void OnConnectionLost() => _instruments?.Invalidate();

    // Reconciliation needs a login (U4 is private), and only matters after a gap for orders this client knows.
    public async Task RestoreAsync(SessionConnection session, RestoreContext context, CancellationToken cancellationToken)
    {
        await ReadInstrumentsAsync(session, context, cancellationToken).ConfigureAwait(false);
        if (!context.IsReconnect || _session.CurrentUser is null || (_orders.All.Count == 0 && _unacknowledgedOrders.IsEmpty))
        {
            return;
        }
        try
        {
            context.Orders = await ReconcileOrdersAsync(session, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Requests.BlinkTradeErrorException or Requests.BlinkTradeTimeoutException)
        {
            // A server that cannot list orders must not block the reconnect; the live reports still flow.
            ClientLog.ReconcileFailed(_core.Logger, e);
            _core.ReportError(ClientErrorKind.ReconnectFailed, "Order reconciliation failed: " + e.Message, e);
            context.Failed(e);
        }
    }

    // A session that can trade reads the instrument list the pre-trade checks use now, before requests go out on it:
    // the first order then pays no extra round trip (and does not wait behind a request of its own on a slow link).
    private async Task ReadInstrumentsAsync(SessionConnection session, RestoreContext context, CancellationToken cancellationToken)
    {
        if (_instruments is null || !context.LoggedIn)
        {
            return;
        }
        var id = _core.Ids.Next();
        var request = new SecurityListRequest { SecurityReqID = id, SecurityListRequestType = 0 };
        var reading = session.RequestAsync(request, ClientCore.IdText(id), [MessageTypes.SecurityList], null, null, cancellationToken);
        try
        {
            await _instruments.Prime(AsListAsync(reading)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Requests.BlinkTradeErrorException or Requests.BlinkTradeTimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Not fatal to the connection: the first order reads the list again and reports what the server says.
            _instruments.Invalidate();
        }
    }

    // The request accepts only a y (or fails with the ERROR), so the cast holds.
    private static async Task<SecurityList> AsListAsync(Task<BlinkTradeMessage> reading) => (SecurityList)await reading.ConfigureAwait(false);

    public void Complete()
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
            ClientLog.ReportSynthesized(_core.Logger, report.OrderID, report.Text, report.LastShares.Satoshis);
        }
        _executionReports.OnNext(report);
        if (report.LastShares.Satoshis > 0 && Fill.From(report, _core.Time.GetUtcNow()) is { } fill)
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
    private void OnExecutionReport(ExecutionReport report)
    {
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
            var id = _core.Ids.Next();
            var request = new OrdersListRequest { OrdersReqID = id, Page = page, PageSize = ReconcilePageSize };
            var response = (OrdersListResponse)await session.RequestAsync(request, ClientCore.IdText(id), [MessageTypes.OrdersListResponse], null, null, cancellationToken).ConfigureAwait(false);
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
        ClientLog.OrdersReconciled(_core.Logger, outcome.Checked, outcome.Reports, outcome.Fills);
        return outcome;
    }
}
