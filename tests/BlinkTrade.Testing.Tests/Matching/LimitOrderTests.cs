using BlinkTrade.Testing.Matching;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Matching;

public class LimitOrderTests
{
    [Fact]
    public void Resting_buy_reports_new_publishes_md_new_and_locks_quote()
    {
        var x = new TestExchange();
        x.Fund(10);
        var id = x.Limit(10, Side.Buy, Coin / 2, 620 * Coin, clOrdId: "a1");

        var report = x.SingleReport();
        Assert.Equal(id, report.OrderId);
        Assert.Equal("a1", report.ClOrdId);
        Assert.Equal(ExecType.New, report.ExecType);
        Assert.Equal(OrderStatus.New, report.OrderStatus);
        Assert.Equal(Side.Buy, report.ExecSide);
        Assert.Equal((Coin / 2, 0L, 0L, 0L, 0L), (report.LeavesQty, report.CumQty, report.CxlQty, report.LastPx, report.LastShares));
        Assert.Equal(OrderRejectReason.None, report.OrdRejReason);

        var md = Assert.Single(x.Events.BookEvents.ToArray());
        Assert.Equal((BookUpdateAction.New, Side.Buy, 1, 620 * Coin, Coin / 2, id), (md.Action, md.Side, md.Position, md.Price, md.Quantity, md.OrderId));
        Assert.Equal(310 * Coin, x.Balance(10, "USD").Locked);
    }

    [Fact]
    public void Equal_prices_queue_in_arrival_order_and_fill_fifo()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Fund(3);
        var first = x.Limit(1, Side.Sell, Coin, 100 * Coin);
        var second = x.Limit(2, Side.Sell, Coin, 100 * Coin);
        Assert.Equal(2, x.Events.BookEvents[0].Position);

        x.Limit(3, Side.Buy, Coin, 100 * Coin);

        var trade = Assert.Single(x.Events.Trades.ToArray());
        Assert.Equal(first, trade.SecondaryOrderId);
        Assert.Equal(second, Assert.Single(x.Asks).OrderId);
    }

    [Fact]
    public void Better_price_ranks_first_regardless_of_time()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Limit(1, Side.Buy, Coin, 99 * Coin);
        x.Limit(1, Side.Buy, Coin, 101 * Coin);
        Assert.Equal(1, x.Events.BookEvents[0].Position);
        x.Limit(1, Side.Buy, Coin, 100 * Coin);
        Assert.Equal(2, x.Events.BookEvents[0].Position);
        Assert.Equal([101 * Coin, 100 * Coin, 99 * Coin], x.Bids.Select(b => b.Price));
    }

    [Fact]
    public void Fill_executes_at_the_resting_price_and_releases_price_improvement()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Limit(1, Side.Sell, Coin, 600 * Coin);
        var usdBefore = x.Balance(2, "USD");

        x.Limit(2, Side.Buy, Coin, 620 * Coin);

        Assert.Equal(600 * Coin, x.Events.Trades[0].Price);
        var after = x.Balance(2, "USD");
        Assert.Equal(usdBefore.Total - (600 * Coin), after.Total);
        Assert.Equal(0, after.Locked);
        Assert.Equal(100 * Coin + Coin, x.Balance(2, "BTC").Total);
    }

    [Fact]
    public void Partial_fill_reports_cum_leaves_avg_last_and_keeps_the_maker_first()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        var maker = x.Limit(1, Side.Sell, 3 * Coin, 100 * Coin);
        x.Limit(1, Side.Sell, Coin, 100 * Coin);
        var taker = x.Limit(2, Side.Buy, Coin, 100 * Coin);

        var reports = x.Reports;
        Assert.Equal(3, reports.Length);
        Assert.Equal((taker, ExecType.New), (reports[0].OrderId, reports[0].ExecType));
        Assert.Equal((taker, ExecType.Filled, OrderStatus.Filled, Side.Buy), (reports[1].OrderId, reports[1].ExecType, reports[1].OrderStatus, reports[1].ExecSide));
        Assert.Equal((maker, ExecType.PartiallyFilled, OrderStatus.PartiallyFilled, Side.Buy), (reports[2].OrderId, reports[2].ExecType, reports[2].OrderStatus, reports[2].ExecSide));
        Assert.Equal((2 * Coin, Coin, 0L, 100 * Coin, 100 * Coin, Coin), (reports[2].LeavesQty, reports[2].CumQty, reports[2].CxlQty, reports[2].AvgPx, reports[2].LastPx, reports[2].LastShares));

        var md = Assert.Single(x.Events.BookEvents.ToArray());
        Assert.Equal((BookUpdateAction.Update, Side.Sell, 1, 2 * Coin, maker), (md.Action, md.Side, md.Position, md.Quantity, md.OrderId));
        Assert.Equal(maker, x.Asks[0].OrderId);
    }

    [Fact]
    public void AvgPx_is_the_floored_running_average_of_section_3_5()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Limit(1, Side.Sell, 50_000_000, 620 * Coin);
        x.Limit(1, Side.Sell, Coin, 621 * Coin);
        x.Limit(2, Side.Buy, 80_000_000, 621 * Coin);

        // The PROTOCOL.md appendix B scenario: 0.5 @ 620 then 0.3 @ 621 gives AvgPx 620.375.
        var last = x.Reports.Last(r => r.UserId == 2);
        Assert.Equal(62_037_500_000, last.AvgPx);
        Assert.Equal(OrderStatus.Filled, last.OrderStatus);
        Assert.Equal(70_000_000, Assert.Single(x.Asks).Quantity);
    }

    [Fact]
    public void Sweep_publishes_delete_thru_then_update_and_one_trade_per_maker()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        var a = x.Limit(1, Side.Sell, Coin, 100 * Coin);
        var b = x.Limit(1, Side.Sell, Coin, 101 * Coin);
        var c = x.Limit(1, Side.Sell, Coin, 102 * Coin);
        var taker = x.Limit(2, Side.Buy, 25 * Coin / 10, 102 * Coin);

        var md = x.Events.BookEvents.ToArray();
        Assert.Equal(2, md.Length);
        Assert.Equal((BookUpdateAction.DeleteThru, Side.Sell, 2), (md[0].Action, md[0].Side, md[0].Position));
        Assert.Equal((BookUpdateAction.Update, 1, Coin / 2, c), (md[1].Action, md[1].Position, md[1].Quantity, md[1].OrderId));
        var trades = x.Events.Trades.ToArray();
        Assert.Equal([a, b, c], trades.Select(t => t.SecondaryOrderId));
        Assert.All(trades, t => Assert.Equal((taker, Side.Buy, 2, 1), (t.OrderId, t.AggressorSide, t.BuyerUserId, t.SellerUserId)));
        Assert.Equal(trades.Select(t => t.TradeId).Order(), trades.Select(t => t.TradeId));
    }

    [Fact]
    public void Remainder_rests_behind_its_price_after_trading()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Limit(1, Side.Sell, Coin, 100 * Coin);
        x.Limit(2, Side.Buy, Coin, 99 * Coin);
        var id = x.Limit(2, Side.Buy, 3 * Coin, 100 * Coin);

        var reports = x.Reports;
        Assert.Equal([ExecType.New, ExecType.PartiallyFilled, ExecType.Filled], reports.Select(r => r.ExecType));
        var newEntry = x.Events.BookEvents.ToArray().Single(e => e.Action == BookUpdateAction.New);
        Assert.Equal((Side.Buy, 1, 2 * Coin, id), (newEntry.Side, newEntry.Position, newEntry.Quantity, newEntry.OrderId));
        Assert.Equal(2 * Coin * 100, x.Balance(2, "USD").Locked - (99 * Coin));
    }

    [Fact]
    public void Day_is_treated_as_good_till_cancel()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Limit(1, Side.Buy, Coin, 100 * Coin, TimeInForce.Day);
        Assert.Single(x.Bids);
        Assert.Equal(TimeInForce.Day, x.SingleReport().TimeInForce);
    }

    [Fact]
    public void Exec_ids_are_monotonic_and_never_reused()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        var ids = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            x.Limit(1 + (i % 2), i % 2 == 0 ? Side.Sell : Side.Buy, Coin, 100 * Coin);
            ids.AddRange(x.Reports.Select(r => r.ExecId));
        }

        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Every_report_keeps_cum_plus_leaves_plus_cxl_equal_to_order_qty()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Limit(1, Side.Sell, Coin, 100 * Coin);
        x.Limit(2, Side.Buy, 3 * Coin, 100 * Coin, TimeInForce.ImmediateOrCancel);
        Assert.All(x.Reports, r => Assert.Equal(r.OrderQty, r.CumQty + r.LeavesQty + r.CxlQty));
        var cancel = x.Reports[^1];
        Assert.Equal((ExecType.Canceled, OrderStatus.Canceled, 0L, 0L), (cancel.ExecType, cancel.OrderStatus, cancel.LastPx, cancel.LastShares));
    }
}
