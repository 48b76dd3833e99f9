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

    // ClOrdIDs of orders sent whose first execution report has not arrived yet. If the connection drops in between,
    // the exchange may have accepted (and even filled) such an order: the reconciliation looks for them by ClOrdID.
    private readonly ConcurrentDictionary<string, byte> _unacknowledgedOrders = new(StringComparer.Ordinal);
    private SafeSubject<ExecutionReport> _executionReports = null!;

    /// <inheritdoc />
    public virtual IObservable<ExecutionReport> ExecutionReports => _executionReports;

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

    private void InitializeTrading()
    {
        _orders = new OrderTracker(_options.MaxClosedOrders);
        _executionReports = CreateEventSubject<ExecutionReport>("ExecutionReports");
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
        if (_orders.TryApply(report))
        {
            _executionReports.OnNext(report);
        }
    }

    /// <summary>
    /// After a reconnect: list recent orders (U4, newest first) and publish, for every tracked order whose state
    /// changed while the connection was down, one synthesized report with the server's state (ExecID 0). Replayed
    /// reports are dropped by the tracker, so no report is lost or delivered twice. Pages until every order the
    /// tracker holds open has been seen (or the history ends): an old order filled during the gap may be far down.
    /// Orders this client sent whose first report never arrived (the connection dropped in between) are found by
    /// ClOrdID and reported whatever their state — filled, cancelled or rejected during the gap included.
    /// </summary>
    private async Task ReconcileOrdersAsync(SessionConnection session, CancellationToken cancellationToken)
    {
        var pendingOpen = _orders.Open.Where(r => r.OrderID != 0).Select(r => r.OrderID).ToHashSet();
        // Sent before the drop, never acknowledged: either the exchange has them (then U4 lists them) or they were
        // lost with the connection. Either way they are settled by this reconciliation.
        var sentBeforeReconnect = _unacknowledgedOrders.Keys.ToArray();
        var unacknowledged = sentBeforeReconnect.ToHashSet(StringComparer.Ordinal);
        var checkedCount = 0;
        var synthesized = 0;
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
                checkedCount++;
                pendingOpen.Remove(orderId);
                var sentUnacknowledged = row.ClOrdID is { } rowClOrdId && unacknowledged.Remove(rowClOrdId);
                var known = _orders.TryGet(orderId, out var report) ? report : null;
                // Other unknown orders are only news when they are still working (e.g. placed by another session).
                if (known is null && !sentUnacknowledged && !OrderTracker.IsOpen(row.OrdStatus))
                {
                    continue;
                }
                var current = ToReport(row, known);
                if (known is not null && OrderTracker.SameState(known, current))
                {
                    continue;
                }
                if (_orders.TryApply(current))
                {
                    synthesized++;
                    _executionReports.OnNext(current);
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
        ClientLog.OrdersReconciled(_logger, checkedCount, synthesized);
    }

    private static ExecutionReport ToReport(OrderListEntry row, ExecutionReport? known)
    {
        var execType = row.OrdStatus == OrdStatus.Filled ? ExecType.Filled
            : row.OrdStatus == OrdStatus.PartiallyFilled ? ExecType.PartiallyFilled
            : row.OrdStatus == OrdStatus.Cancelled ? ExecType.Cancelled
            : row.OrdStatus == OrdStatus.Rejected ? ExecType.Rejected
            : ExecType.New;
        return new ExecutionReport
        {
            OrderID = row.OrderID ?? 0,
            ClOrdID = row.ClOrdID ?? known?.ClOrdID,
            ExecID = 0,
            ExecType = execType,
            OrdStatus = row.OrdStatus,
            ExecSide = row.Side,
            Symbol = row.Symbol,
            Side = row.Side,
            OrdType = row.OrdType,
            TimeInForce = row.TimeInForce,
            OrderQty = row.OrderQty,
            Price = row.Price,
            StopPx = known?.StopPx,
            LeavesQty = row.LeavesQty,
            CumQty = row.CumQty,
            CxlQty = row.CxlQty,
            AvgPx = row.AvgPx,
            OrderDate = row.OrderDate,
            Volume = row.Volume,
            Text = "Reconciled after reconnect",
        };
    }
}
