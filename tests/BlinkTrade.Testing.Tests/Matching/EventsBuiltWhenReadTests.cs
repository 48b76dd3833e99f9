using BlinkTrade.Testing.Matching;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Matching;

/// <summary>Execution reports are built when read from what the engine noted and the orders' slots, and a command's trades are
/// its rows of the trade log: what a reader sees must be what the engine reported at each event.</summary>
public class EventsBuiltWhenReadTests
{
    [Fact]
    public void Reports_of_makers_a_sweep_closed_keep_their_identity_and_terms()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        var makers = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            makers.Add(x.Limit(1, Side.Sell, Coin, (100 + i) * Coin, clOrdId: $"m{i}"));
        }

        var taker = x.Limit(2, Side.Buy, (4 * Coin) + (Coin / 2), 110 * Coin, TimeInForce.ImmediateOrCancel, clOrdId: "t");
        var reports = x.Reports;

        // The taker's New, then per fill the taker's report and the maker's (4.5 BTC: four whole makers and half of the fifth).
        Assert.Equal(11, reports.Length);
        Assert.Equal(Enumerable.Range(0, reports.Length).Select(i => reports[0].ExecId + i), reports.Select(r => r.ExecId));
        var makerReports = reports.Where(r => r.OrderId != taker).ToArray();
        Assert.Equal(makers, makerReports.Select(r => r.OrderId));
        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], makerReports.Select(r => r.ClOrdId));
        Assert.Equal(makers.Select((_, i) => (100 + i) * Coin), makerReports.Select(r => r.Price));
        Assert.All(makerReports, r => Assert.Equal((Side.Sell, Side.Buy, 1, Broker, Coin, Symbol), (r.Side, r.ExecSide, r.UserId, r.BrokerId, r.OrderQty, r.Symbol)));
        Assert.Equal(
            [(ExecType.Filled, OrderStatus.Filled, 0L, Coin), (ExecType.Filled, OrderStatus.Filled, 0L, Coin), (ExecType.Filled, OrderStatus.Filled, 0L, Coin),
             (ExecType.Filled, OrderStatus.Filled, 0L, Coin), (ExecType.PartiallyFilled, OrderStatus.PartiallyFilled, Coin / 2, Coin / 2)],
            makerReports.Select(r => (r.ExecType, r.OrderStatus, r.LeavesQty, r.CumQty)));

        var takerReports = reports.Where(r => r.OrderId == taker).ToArray();
        Assert.Equal(ExecType.New, takerReports[0].ExecType);
        Assert.Equal(
            [(OrderStatus.PartiallyFilled, 100 * Coin), (OrderStatus.PartiallyFilled, 10_050_000_000L), (OrderStatus.PartiallyFilled, 101 * Coin),
             (OrderStatus.PartiallyFilled, 10_150_000_000L), (OrderStatus.Filled, 10_177_777_777L)],
            takerReports.Skip(1).Select(r => (r.OrderStatus, r.AvgPx)));
        Assert.All(takerReports, r => Assert.Equal(("t", 0L, 110 * Coin), (r.ClOrdId, r.CxlQty, r.Price)));

        // The next command reuses the freed slots; its own reports name its own order.
        var next = x.Limit(1, Side.Sell, Coin, 120 * Coin, clOrdId: "n");
        Assert.Equal((next, "n", 120 * Coin, 0L), (x.SingleReport().OrderId, x.SingleReport().ClOrdId, x.SingleReport().Price, x.SingleReport().CxlQty));
    }

    [Fact]
    public void ExecIds_run_on_across_commands_and_each_report_carries_its_commands_timestamp_and_text()
    {
        // The engine writes neither per report: the ExecID is the command's first plus the report's index, the timestamp the
        // command's, and a text is kept beside the pending reports (a reject's is written whole).
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        var all = new List<ExecutionReport>();
        long Place(long timestamp, int user, Side side, long quantity, long price, TimeInForce tif)
        {
            var id = x.Engine.PlaceOrder(new NewOrder
            {
                BrokerId = Broker, UserId = user, Symbol = Symbol, Side = side, OrderType = OrderType.Limit, Price = price,
                Quantity = quantity, TimeInForce = tif, Timestamp = timestamp,
            });
            Assert.All(x.Reports, r => Assert.Equal(timestamp, r.Timestamp));
            all.AddRange(x.Reports);
            return id;
        }

        Place(1_000, 1, Side.Sell, Coin, 100 * Coin, TimeInForce.GoodTillCancel);
        Assert.Null(x.SingleReport().Text);
        Place(2_000, 2, Side.Buy, Coin, (100 * Coin) + 1, TimeInForce.GoodTillCancel);
        Assert.Equal(ExecType.Rejected, x.SingleReport().ExecType);
        Assert.NotNull(x.SingleReport().Text);
        Place(3_000, 2, Side.Buy, 2 * Coin, 100 * Coin, TimeInForce.FillOrKill);
        Assert.Equal((ExecType.Canceled, "Fill-or-kill order could not be filled completely"), (x.SingleReport().ExecType, x.SingleReport().Text));
        Place(4_000, 2, Side.Buy, 2 * Coin, 100 * Coin, TimeInForce.ImmediateOrCancel);
        Assert.Equal([ExecType.New, ExecType.PartiallyFilled, ExecType.Filled, ExecType.Canceled], x.Reports.Select(r => r.ExecType));
        Assert.All(x.Reports, r => Assert.Null(r.Text));
        var resting = Place(5_000, 1, Side.Sell, Coin, 101 * Coin, TimeInForce.GoodTillCancel);
        x.Engine.CancelOrder(new CancelOrder { BrokerId = Broker, UserId = 1, OrderId = resting, Timestamp = 6_000 });
        Assert.Equal((ExecType.Canceled, 6_000L, (string?)null), (x.SingleReport().ExecType, x.SingleReport().Timestamp, x.SingleReport().Text));
        all.AddRange(x.Reports);

        Assert.Equal(9, all.Count);
        Assert.Equal(Enumerable.Range(0, all.Count).Select(i => all[0].ExecId + i), all.Select(r => r.ExecId));
    }

    [Fact]
    public void A_cancelled_remainder_reports_its_cancelled_quantity()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Limit(1, Side.Sell, Coin, 100 * Coin);
        var taker = x.Limit(2, Side.Buy, 3 * Coin, 100 * Coin, TimeInForce.ImmediateOrCancel);
        var cancel = x.Reports[^1];
        Assert.Equal((taker, ExecType.Canceled, OrderStatus.Canceled, 0L, Coin, 2 * Coin), (cancel.OrderId, cancel.ExecType, cancel.OrderStatus, cancel.LeavesQty, cancel.CumQty, cancel.CxlQty));
    }

    [Fact]
    public void A_sweep_whose_trades_straddle_two_chunks_of_the_trade_log_lists_them_all_in_order()
    {
        var x = new TestExchange(SelfTradePrevention.None, options: new EngineOptions { TradeCapacity = 40_000 });
        x.Fund(1, btc: 100_000 * Coin, usd: 100_000_000 * Coin);
        x.Fund(2, btc: 100_000 * Coin, usd: 100_000_000 * Coin);

        // One trade per command up to just below a chunk boundary of the log (16,384 rows), then a sweep across it.
        const int Chunk = 16_384;
        for (var i = 0; i < Chunk - 3; i++)
        {
            x.Limit(1, Side.Sell, 10_000, 100 * Coin);
            x.Limit(2, Side.Buy, 10_000, 100 * Coin);
            Assert.Single(x.Events.Trades.ToArray());
        }

        for (var i = 0; i < 8; i++)
        {
            x.Limit(1, Side.Sell, 10_000, (101 + i) * Coin);
        }

        x.Limit(2, Side.Buy, 8 * 10_000, 120 * Coin);
        var trades = x.Events.Trades.ToArray();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (101 + i) * Coin), trades.Select(t => t.Price));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => trades[0].TradeId + i), trades.Select(t => t.TradeId));
        Assert.Equal(trades.Reverse(), x.Engine.GetTrades(max: 8));

        x.Limit(1, Side.Sell, 10_000, 130 * Coin);
        Assert.Empty(x.Events.Trades.ToArray());
    }
}
