using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Client.Tests.Trading;

public sealed class OrderTrackerTests
{
    private static ExecutionReport Report(long orderId, long execId, OrdStatus status, decimal cum = 0, decimal cxl = 0) => new()
    {
        OrderID = orderId,
        ClOrdID = "c" + orderId,
        ExecID = execId,
        ExecType = status == OrdStatus.Filled ? ExecType.Filled : status == OrdStatus.Cancelled ? ExecType.Cancelled : ExecType.New,
        OrdStatus = status,
        Symbol = "BTCUSD",
        Side = Side.Buy,
        OrdType = OrdType.Limit,
        OrderQty = Quantity.FromDecimal(1m),
        CumQty = Quantity.FromDecimal(cum),
        LastShares = Quantity.FromDecimal(cum), // one fill from nothing to CumQty
        LastPx = Price.FromDecimal(600m),
        CxlQty = Quantity.FromDecimal(cxl),
        LeavesQty = Quantity.FromDecimal(1m - cum - cxl),
    };

    // The client's path into the tracker: a live report through the sequencer; true when the application sees it.
    private static bool TryApply(OrderTracker tracker, ExecutionReport report)
    {
        var published = new List<ExecutionReport>();
        new ExecutionSequencer(tracker, published.Add).AcceptLive(report);
        return published.Contains(report);
    }

    [Fact]
    public void Closed_orders_beyond_the_limit_are_forgotten_oldest_first_and_open_orders_never()
    {
        var tracker = new OrderTracker(maxClosedOrders: 3);
        var execId = 0L;
        // Order 1 stays open the whole time; orders 2..7 open, then close in order.
        Assert.True(TryApply(tracker, Report(1, ++execId, OrdStatus.New)));
        for (var id = 2; id <= 7; id++)
        {
            Assert.True(TryApply(tracker, Report(id, ++execId, OrdStatus.New)));
        }
        for (var id = 2; id <= 7; id++)
        {
            Assert.True(TryApply(tracker, Report(id, ++execId, id % 2 == 0 ? OrdStatus.Filled : OrdStatus.Cancelled, cum: id % 2 == 0 ? 1m : 0m, cxl: id % 2 == 0 ? 0m : 1m)));
        }

        Assert.Equal([1L, 5, 6, 7], tracker.All.Select(r => r.OrderID).Order());
        Assert.Equal(1, Assert.Single(tracker.Open).OrderID);
        Assert.False(tracker.TryGet(2, out _));
        Assert.False(tracker.TryGet("c4", out _));
        Assert.True(tracker.TryGet("c5", out var five) && five.OrdStatus == OrdStatus.Cancelled);
        Assert.True(tracker.TryGet("c1", out var one) && one.OrdStatus == OrdStatus.New);
    }

    [Fact]
    public void A_second_closing_report_of_the_same_order_does_not_count_twice()
    {
        var tracker = new OrderTracker(maxClosedOrders: 2);
        Assert.True(TryApply(tracker, Report(1, 1, OrdStatus.Filled, cum: 1m)));
        Assert.True(TryApply(tracker, Report(2, 2, OrdStatus.Filled, cum: 1m)));
        // A replay, and the order list's row of order 2's final state after a reconnect, are not news and must not
        // evict order 1.
        Assert.False(TryApply(tracker, Report(2, 2, OrdStatus.Filled, cum: 1m)));
        var row = new OrderListEntry
        {
            OrderID = 2, ClOrdID = "c2", OrdStatus = OrdStatus.Filled, CumQty = Quantity.FromDecimal(1m), OrderQty = Quantity.FromDecimal(1m),
            AvgPx = Price.FromDecimal(600m), Symbol = "BTCUSD", Side = Side.Buy, OrdType = OrdType.Limit,
        };
        Assert.Equal((0, 0), new ExecutionSequencer(tracker, _ => Assert.Fail("nothing to publish")).AcceptReconciled(row, reportUnknown: true));
        Assert.Equal([1L, 2], tracker.All.Select(r => r.OrderID).Order());
    }

    [Fact]
    public void The_limit_comes_from_the_options_and_is_validated()
    {
        var options = new BlinkTradeClientOptions { Endpoint = new Uri("ws://localhost/trade/"), MaxClosedOrders = 5 };
        Assert.Equal(5, new BlinkTradeClient(options).Orders.MaxClosedOrders);
        Assert.Throws<ArgumentException>(() => new BlinkTradeClient(new BlinkTradeClientOptions { Endpoint = new Uri("ws://localhost/trade/"), MaxClosedOrders = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderTracker(0));
    }

    [Fact]
    public void Open_and_All_are_live_views_that_copy_nothing()
    {
        IOrderTracker tracker = new OrderTracker(maxClosedOrders: 10);
        var open = tracker.Open;
        var all = tracker.All;
        // The same view every time: reading it allocates no copy.
        Assert.Same(open, tracker.Open);
        Assert.Same(all, tracker.All);
        Assert.Empty(open);

        Assert.True(TryApply((OrderTracker)tracker, Report(1, 1, OrdStatus.New)));
        Assert.True(TryApply((OrderTracker)tracker, Report(2, 2, OrdStatus.New)));
        // Views taken before the reports see them.
        Assert.Equal(2, open.Count);
        Assert.Equal([1L, 2], open.Select(r => r.OrderID).Order());

        Assert.True(TryApply((OrderTracker)tracker, Report(1, 3, OrdStatus.Filled, cum: 1m)));
        var openCount = open.Count; // the view's own count, not an enumeration
        Assert.Equal(1, openCount);
        Assert.Equal(2, Assert.Single(open).OrderID);
        Assert.Equal(2, all.Count);
        Assert.Equal([1L, 2], all.Select(r => r.OrderID).Order());
    }

    [Fact]
    public void The_open_count_follows_evictions_and_reports_that_close_orders()
    {
        var tracker = new OrderTracker(maxClosedOrders: 1);
        for (var id = 1; id <= 4; id++)
        {
            Assert.True(TryApply(tracker, Report(id, id, OrdStatus.New)));
        }
        Assert.True(TryApply(tracker, Report(1, 5, OrdStatus.Cancelled, cxl: 1m)));
        Assert.True(TryApply(tracker, Report(2, 6, OrdStatus.Filled, cum: 1m))); // evicts order 1
        Assert.Equal(2, tracker.Open.Count);
        Assert.Equal(tracker.Open.Count(), tracker.Open.Count);
        Assert.Equal(3, tracker.All.Count);
        Assert.Equal(tracker.All.Count(), tracker.All.Count);
    }
}
