using BlinkTrade.Testing.Matching;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Matching;

public class CancelTests
{
    [Fact]
    public void Cancel_by_order_id_reports_cancel_deletes_at_position_and_unlocks()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Limit(1, Side.Buy, Coin, 101 * Coin);
        var id = x.Limit(1, Side.Buy, Coin, 100 * Coin);
        x.Limit(1, Side.Buy, Coin, 99 * Coin);

        Assert.Equal(CancelResult.Canceled, x.Cancel(1, id));

        var report = x.SingleReport();
        Assert.Equal((id, ExecType.Canceled, OrderStatus.Canceled, Coin, 0L, Side.Buy, 0L, 0L), (report.OrderId, report.ExecType, report.OrderStatus, report.CxlQty, report.LeavesQty, report.ExecSide, report.LastPx, report.LastShares));
        var md = Assert.Single(x.Events.BookEvents.ToArray());
        Assert.Equal((BookUpdateAction.Delete, Side.Buy, 2, id), (md.Action, md.Side, md.Position, md.OrderId));
        Assert.Equal(200 * Coin, x.Balance(1, "USD").Locked);
    }

    [Fact]
    public void Cancel_of_a_partially_filled_order_ends_cancelled_with_cum_qty()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        var id = x.Limit(1, Side.Sell, 3 * Coin, 100 * Coin);
        x.Limit(2, Side.Buy, Coin, 100 * Coin);
        x.Cancel(1, id);
        var report = x.SingleReport();
        Assert.Equal((OrderStatus.Canceled, Coin, 2 * Coin, 0L), (report.OrderStatus, report.CumQty, report.CxlQty, report.LeavesQty));
        Assert.Equal(0, x.Balance(1, "BTC").Locked);
    }

    [Fact]
    public void Cancel_by_cl_ord_id_and_orig_cl_ord_id_wins()
    {
        var x = new TestExchange();
        x.Fund(1);
        var a = x.Limit(1, Side.Buy, Coin, 100 * Coin, clOrdId: "a");
        var b = x.Limit(1, Side.Buy, Coin, 100 * Coin, clOrdId: "b");

        Assert.Equal(CancelResult.Canceled, x.Engine.CancelOrder(new CancelOrder { BrokerId = Broker, UserId = 1, OrigClOrdId = "b", ClOrdId = "a" }));
        Assert.Equal(b, x.SingleReport().OrderId);
        Assert.Equal(CancelResult.Canceled, x.Engine.CancelOrder(new CancelOrder { BrokerId = Broker, UserId = 1, ClOrdId = "a" }));
        Assert.Equal((a, "a"), (x.SingleReport().OrderId, x.SingleReport().ClOrdId));
    }

    [Fact]
    public void Unknown_filled_or_foreign_orders_are_not_cancelled_and_produce_nothing()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        var resting = x.Limit(1, Side.Sell, Coin, 100 * Coin, clOrdId: "x");
        var filled = x.Limit(1, Side.Sell, Coin, 99 * Coin);
        x.Limit(2, Side.Buy, Coin, 99 * Coin);

        Assert.Equal(CancelResult.UnknownOrder, x.Cancel(1, 12345));
        Assert.Equal(CancelResult.UnknownOrder, x.Cancel(1, filled));
        Assert.Equal(CancelResult.UnknownOrder, x.Cancel(2, resting));
        Assert.Equal(CancelResult.UnknownOrder, x.Engine.CancelOrder(new CancelOrder { BrokerId = Broker, UserId = 2, ClOrdId = "x" }));
        Assert.Empty(x.Reports);
        Assert.Equal(CancelResult.Canceled, x.Cancel(1, resting));
        Assert.Equal(CancelResult.UnknownOrder, x.Cancel(1, resting));
    }

    [Fact]
    public void Cancel_all_cancels_every_open_order_of_the_user_in_arrival_order()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        var a = x.Limit(1, Side.Buy, Coin, 100 * Coin);
        var b = x.Limit(1, Side.Sell, Coin, 200 * Coin);
        var c = x.Stop(1, Side.Buy, Coin, 300 * Coin);
        var other = x.Limit(2, Side.Buy, Coin, 100 * Coin);

        Assert.Equal(3, x.Engine.CancelAllOrders(new CancelAllOrders { BrokerId = Broker, UserId = 1 }));
        Assert.Equal([a, b, c], x.Reports.Select(r => r.OrderId));
        Assert.All(x.Reports, r => Assert.Equal(ExecType.Canceled, r.ExecType));
        Assert.Equal(other, Assert.Single(x.Bids).OrderId);
        Assert.Equal(0, x.Balance(1, "USD").Locked);
        Assert.Equal(0, x.Balance(1, "BTC").Locked);
    }

    [Fact]
    public void Cancel_all_of_one_side_keeps_the_other()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Limit(1, Side.Buy, Coin, 100 * Coin);
        var sell = x.Limit(1, Side.Sell, Coin, 200 * Coin);
        x.Limit(1, Side.Buy, Coin, 99 * Coin);

        Assert.Equal(2, x.Engine.CancelAllOrders(new CancelAllOrders { BrokerId = Broker, UserId = 1, Side = Side.Buy }));
        Assert.Equal([1, 1], x.Events.BookEvents.ToArray().Select(e => e.Position));
        Assert.Empty(x.Bids);
        Assert.Equal(sell, Assert.Single(x.Asks).OrderId);
        Assert.Equal(0, x.Engine.CancelAllOrders(new CancelAllOrders { BrokerId = Broker, UserId = 1, Symbol = "ETHUSD" }));
    }

    [Fact]
    public void Open_orders_stay_in_arrival_order_while_orders_come_and_go()
    {
        // The account's id list keeps closed ids until it is full and then compacts: many rounds of places and random
        // cancels (and orders of other accounts in between) cross several compactions and growths.
        var x = new TestExchange();
        x.Fund(1, btc: 10_000 * Coin, usd: 100_000_000 * Coin);
        x.Fund(2);
        var random = new Random(7);
        var open = new List<long>();
        for (var round = 0; round < 3_000; round++)
        {
            if (open.Count < 5 || random.Next(100) < 55)
            {
                var buy = random.Next(2) == 0;
                open.Add(x.Limit(1, buy ? Side.Buy : Side.Sell, Coin / 100, (buy ? 90 - random.Next(10) : 110 + random.Next(10)) * Coin));
                x.Limit(2, Side.Buy, Coin / 100, 50 * Coin);
            }
            else
            {
                var pick = random.Next(open.Count);
                Assert.Equal(CancelResult.Canceled, x.Cancel(1, open[pick]));
                open.RemoveAt(pick);
            }

            if (round % 97 == 0)
            {
                Assert.Equal(open, x.Engine.GetOpenOrders(Broker, 1).Select(o => o.OrderId));
            }
        }

        Assert.Equal(open.Count, x.Engine.CancelAllOrders(new CancelAllOrders { BrokerId = Broker, UserId = 1 }));
        Assert.Equal(open, x.Reports.Select(r => r.OrderId));
        Assert.Empty(x.Engine.GetOpenOrders(Broker, 1));
    }
}
