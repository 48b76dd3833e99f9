using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Tests.Support;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Client.Tests.Trading;

public sealed class TradingTests
{
    private static ExecutionReport Report(NewOrderSingle order, long orderId, long execId, ExecType execType, OrdStatus status, decimal cum = 0, decimal cxl = 0) => new()
    {
        OrderID = orderId,
        ClOrdID = order.ClOrdID,
        ExecID = execId,
        ExecType = execType,
        OrdStatus = status,
        Symbol = order.Symbol,
        Side = order.Side,
        ExecSide = order.Side,
        OrdType = order.OrdType,
        OrderQty = order.OrderQty,
        Price = order.Price ?? default,
        CumQty = Quantity.FromDecimal(cum),
        CxlQty = Quantity.FromDecimal(cxl),
        LeavesQty = new Quantity(order.OrderQty.Satoshis - Quantity.FromDecimal(cum).Satoshis - Quantity.FromDecimal(cxl).Satoshis),
    };

    [Fact]
    public async Task A_limit_order_gets_a_generated_ClOrdID_and_returns_the_first_report()
    {
        await using var harness = ClientHarness.Create();
        var reports = new RecordingObserver<ExecutionReport>();
        harness.Client.ExecutionReports.Subscribe(reports);
        var peer = await harness.ConnectAsync();

        var sending = harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(0.8m), Price.FromDecimal(621m)) with { PostOnly = true, TimeInForce = TimeInForce.GoodTillCancel });
        var order = await peer.ExpectAsync<NewOrderSingle>();
        Assert.NotNull(order.ClOrdID);
        Assert.InRange(order.ClOrdID!.Length, 1, 30);
        Assert.Equal(5, order.BrokerID);
        Assert.Equal(ExecInst.PostOnly, order.ExecInst);
        Assert.Equal(Price.FromDecimal(621m), order.Price);
        peer.Send(Report(order, 990, 741400, ExecType.New, OrdStatus.New));

        var first = await sending.WaitAsync(TestDefaults.Timeout);
        Assert.Equal(990, first.OrderID);
        Assert.True(harness.Client.Orders.TryGet(order.ClOrdID, out var tracked));
        Assert.Equal(OrdStatus.New, tracked.OrdStatus);
        Assert.Single(harness.Client.Orders.Open);
        await reports.WaitForAsync(r => r.ExecID == 741400);
    }

    [Fact]
    public async Task A_reject_is_returned_not_thrown_and_invalid_orders_fail_before_sending()
    {
        await using var harness = ClientHarness.Create(p =>
        {
            p.AnswerHeartbeats();
            p.Respond<NewOrderSingle>(o => Report(o, 991, 1, ExecType.Rejected, OrdStatus.Rejected) with { OrdRejReason = OrdRejReason.OrderExceedsLimit, Text = "Insufficient funds" });
        });
        await harness.ConnectAsync();

        var rejected = await harness.Client.SendOrderAsync(NewOrder.Market("BTCUSD", Side.Sell, Quantity.FromDecimal(100m) ) with { ClOrdID = "mine-1" });
        Assert.Equal(ExecType.Rejected, rejected.ExecType);
        Assert.Equal("mine-1", rejected.ClOrdID);

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.SendOrderAsync(new NewOrder("BTCUSD", Side.Buy, OrdType.Limit, Quantity.FromDecimal(1m))));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.SendOrderAsync(new NewOrder("BTCUSD", Side.Buy, OrdType.Stop, Quantity.FromDecimal(1m))));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.SendOrderAsync(NewOrder.Market("BTCUSD", Side.Buy, Quantity.FromDecimal(1m)) with { ClOrdID = new string('x', 31) }));
    }

    [Fact]
    public async Task Cancel_by_ClOrdID_waits_for_the_cancel_report_not_a_fill()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();
        var sending = harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(621m)));
        var order = await peer.ExpectAsync<NewOrderSingle>();
        peer.Send(Report(order, 812, 10, ExecType.New, OrdStatus.New));
        await sending.WaitAsync(TestDefaults.Timeout);

        var cancelling = harness.Client.CancelOrderAsync(order.ClOrdID!);
        var cancel = await peer.ExpectAsync<OrderCancelRequest>();
        Assert.Equal(order.ClOrdID, cancel.OrigClOrdID);
        peer.Send(Report(order, 812, 11, ExecType.PartiallyFilled, OrdStatus.PartiallyFilled, cum: 0.3m));
        peer.Send(Report(order, 812, 12, ExecType.Cancelled, OrdStatus.Cancelled, cum: 0.3m, cxl: 0.7m));

        var cancelled = await cancelling.WaitAsync(TestDefaults.Timeout);
        Assert.Equal(12, cancelled.ExecID);
        Assert.Empty(harness.Client.Orders.Open);
    }

    [Fact]
    public async Task Cancel_by_OrderID_and_an_unknown_order_answered_with_ERROR()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();

        var byId = harness.Client.CancelOrderAsync(4242L);
        var request = await peer.ExpectAsync<OrderCancelRequest>();
        Assert.Equal(4242, request.OrderID);
        Assert.Null(request.ClOrdID);
        peer.Send(new ExecutionReport { OrderID = 4242, ClOrdID = "elsewhere", ExecID = 5, ExecType = ExecType.Cancelled, OrdStatus = OrdStatus.Cancelled, Symbol = "BTCUSD", Side = Side.Buy, OrdType = OrdType.Limit });
        Assert.Equal(4242, (await byId.WaitAsync(TestDefaults.Timeout)).OrderID);

        // G15: the reference exchange answers an unknown order with ERROR carrying ReqID = ClOrdID: a typed refusal.
        var unknown = harness.Client.CancelOrderAsync("ghost");
        await peer.ExpectAsync<OrderCancelRequest>(r => r.ClOrdID == "ghost");
        peer.Send(new ErrorMessage { Description = "Invalid Parameter", Detail = "Unknown order", ReqID = "ghost" });
        var error = await Assert.ThrowsAsync<OrderCancelRejectedException>(() => unknown.WaitAsync(TestDefaults.Timeout));
        Assert.Equal("Unknown order", error.Detail);
        Assert.IsAssignableFrom<BlinkTradeErrorException>(error);

        // ... and a cancel by OrderID with ReqID = the OrderID, while another request is pending (it must not take the ERROR).
        var balances = harness.Client.GetBalancesAsync();
        await peer.ExpectAsync<UserBalanceRequest>();
        var filled = harness.Client.CancelOrderAsync(777L);
        await peer.ExpectAsync<OrderCancelRequest>(r => r.OrderID == 777);
        peer.SendRaw("""{"MsgType":"ERROR","Description":"Invalid Parameter","Detail":"Order not open: already filled","ReqID":777}""");
        var notOpen = await Assert.ThrowsAsync<OrderCancelRejectedException>(() => filled.WaitAsync(TestDefaults.Timeout));
        Assert.Equal("Order not open: already filled", notOpen.Detail);
        Assert.False(balances.IsCompleted);
    }

    [Fact]
    public async Task An_ERROR_naming_an_order_request_other_than_a_cancel_stays_a_plain_error()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();
        var sending = harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(600m)) with { ClOrdID = "d-1" });
        await peer.ExpectAsync<NewOrderSingle>();
        peer.Send(new ErrorMessage { Description = "Not authorized", Detail = "", ReqID = "d-1" });
        var error = await Assert.ThrowsAsync<BlinkTradeErrorException>(() => sending.WaitAsync(TestDefaults.Timeout));
        Assert.Equal("Not authorized", error.Description);
    }

    [Fact]
    public async Task Cancel_all_sends_one_request_per_side()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();
        await harness.Client.CancelAllOrdersAsync();
        var first = await peer.ExpectAsync<OrderCancelRequest>();
        var second = await peer.ExpectAsync<OrderCancelRequest>();
        Assert.Equal([Side.Buy, Side.Sell], new[] { first.Side!.Value, second.Side!.Value });
        Assert.Null(first.OrderID);
        Assert.Null(first.ClOrdID);
    }

    [Fact]
    public async Task After_a_reconnect_orders_are_reconciled_without_losing_or_repeating_reports()
    {
        NewOrderSingle? placed = null;
        await using var harness = ClientHarness.Create(p =>
        {
            ExchangeScripts.Standard(p);
            p.Respond<OrdersListRequest>(r => new OrdersListResponse
            {
                OrdersReqID = r.OrdersReqID,
                Page = r.Page,
                PageSize = r.PageSize,
                OrdListGrp = placed is null ? [] :
                [
                    new OrderListEntry
                    {
                        ClOrdID = placed.ClOrdID, OrderID = 990, OrdStatus = OrdStatus.Filled, CumQty = placed.OrderQty, LeavesQty = default, CxlQty = default,
                        AvgPx = Price.FromDecimal(620.375m), Symbol = "BTCUSD", Side = Side.Buy, OrdType = OrdType.Limit, OrderQty = placed.OrderQty, Price = placed.Price ?? default,
                    },
                ],
            });
        }, o => o.Credentials = BlinkTradeCredentials.FromPassword(ExchangeScripts.Username, ExchangeScripts.Password));
        var reports = new RecordingObserver<ExecutionReport>();
        harness.Client.ExecutionReports.Subscribe(reports);
        var peer = await harness.ConnectAsync();

        var sending = harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(0.8m), Price.FromDecimal(621m)));
        placed = await peer.ExpectAsync<NewOrderSingle>();
        var newReport = Report(placed, 990, 741400, ExecType.New, OrdStatus.New);
        peer.Send(newReport);
        await sending.WaitAsync(TestDefaults.Timeout);

        // The connection drops; the order fills while the client is away.
        peer.Abort();
        var next = await harness.Transport.NextPeerAsync();
        await next.ExpectAsync<OrdersListRequest>();
        var reconciled = await reports.WaitForAsync(r => r.OrdStatus == OrdStatus.Filled);
        Assert.Equal(0, reconciled.ExecID);
        Assert.Equal(placed.OrderQty, reconciled.CumQty);
        await harness.States.WaitForAsync(s => s.State == ConnectionState.LoggedIn && s.Reason.StartsWith("Reconnected", StringComparison.Ordinal));

        // Late replays of reports from before or during the gap are not delivered again.
        next.Send(newReport);
        next.Send(Report(placed, 990, 741401, ExecType.PartiallyFilled, OrdStatus.PartiallyFilled, cum: 0.5m));
        next.Send(Report(placed, 990, 741402, ExecType.Filled, OrdStatus.Filled, cum: 0.8m));
        // A genuinely new report still flows.
        next.Send(new ExecutionReport { OrderID = 991, ClOrdID = "other", ExecID = 741403, ExecType = ExecType.New, OrdStatus = OrdStatus.New, Symbol = "BTCUSD", Side = Side.Sell, OrdType = OrdType.Limit, OrderQty = Quantity.FromDecimal(1m), LeavesQty = Quantity.FromDecimal(1m) });

        await reports.WaitForAsync(r => r.OrderID == 991);
        Assert.Equal([741400L, 0L, 741403L], reports.Items.Select(r => r.ExecID));
        Assert.True(harness.Client.Orders.TryGet(990, out var final));
        Assert.Equal(OrdStatus.Filled, final.OrdStatus);
    }

    [Fact]
    public async Task A_cancel_sent_before_the_first_report_waits_alongside_the_order()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();
        var sending = harness.Client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(600m)) with { ClOrdID = "quick" });
        var cancelling = harness.Client.CancelOrderAsync("quick");
        var order = await peer.ExpectAsync<NewOrderSingle>();
        await peer.ExpectAsync<OrderCancelRequest>();

        peer.Send(Report(order, 5, 1, ExecType.New, OrdStatus.New));
        peer.Send(Report(order, 5, 2, ExecType.Cancelled, OrdStatus.Cancelled, cxl: 1m));

        Assert.Equal(ExecType.New, (await sending.WaitAsync(TestDefaults.Timeout)).ExecType);
        Assert.Equal(ExecType.Cancelled, (await cancelling.WaitAsync(TestDefaults.Timeout)).ExecType);
    }
}
