using BlinkTrade.Testing.Matching;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Matching;

public class StopAndPostOnlyTests
{
    [Fact]
    public void Stop_order_is_hidden_and_reported_new_until_triggered()
    {
        var x = new TestExchange();
        x.Fund(3);
        var stop = x.Stop(3, Side.Buy, Coin, stopPx: 105 * Coin);

        var report = x.SingleReport();
        Assert.Equal((stop, ExecType.New, OrderStatus.New, 105 * Coin, 0L), (report.OrderId, report.ExecType, report.OrderStatus, report.StopPx, report.Price));
        Assert.Empty(x.Events.BookEvents.ToArray());
        Assert.Empty(x.Bids);
        Assert.True(x.Engine.TryGetOpenOrder(stop, out var state));
        Assert.True(state.IsWaitingForTrigger);
    }

    [Fact]
    public void Buy_stop_triggers_when_last_trade_reaches_stop_px_and_keeps_its_order_id()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Fund(3);
        var stop = x.Stop(3, Side.Buy, Coin, stopPx: 105 * Coin);
        x.Limit(1, Side.Sell, Coin, 104 * Coin);
        x.Limit(1, Side.Sell, Coin, 106 * Coin);
        x.Limit(2, Side.Buy, Coin, 104 * Coin);
        Assert.True(x.Engine.TryGetOpenOrder(stop, out _)); // last 104 < 105: not yet

        x.Limit(1, Side.Sell, Coin, 105 * Coin);
        x.Limit(2, Side.Buy, Coin, 105 * Coin); // last = 105: triggers, the stop buys the 106 ask at market

        var stopReports = x.Reports.Where(r => r.OrderId == stop).ToArray();
        var fill = Assert.Single(stopReports);
        Assert.Equal((ExecType.Filled, 106 * Coin, OrderType.Stop), (fill.ExecType, fill.LastPx, fill.OrderType));
        Assert.Equal(stop, x.Events.Trades[^1].OrderId);
        Assert.False(x.Engine.TryGetOpenOrder(stop, out _));
    }

    [Fact]
    public void Sell_stop_limit_triggers_when_last_falls_to_stop_px_and_rests_at_its_limit()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Fund(3);
        var stop = x.Stop(3, Side.Sell, Coin, stopPx: 95 * Coin, limitPrice: 97 * Coin);
        Assert.Equal(Coin, x.Balance(3, "BTC").Locked);
        x.Limit(1, Side.Buy, Coin, 95 * Coin);
        x.Limit(2, Side.Sell, Coin, 95 * Coin);

        var md = x.Events.BookEvents.ToArray().Single(e => e.OrderId == stop);
        Assert.Equal((BookUpdateAction.New, Side.Sell, 1, 97 * Coin), (md.Action, md.Side, md.Position, md.Price));
        Assert.DoesNotContain(x.Reports, r => r.OrderId == stop); // no second New report on trigger
        Assert.Equal(stop, x.Asks[0].OrderId);
    }

    [Fact]
    public void Stop_accepted_when_the_last_price_already_meets_it_triggers_at_once()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Fund(3);
        x.Limit(1, Side.Sell, Coin, 100 * Coin);
        x.Limit(2, Side.Buy, Coin, 100 * Coin);
        x.Limit(1, Side.Sell, Coin, 101 * Coin);

        var stop = x.Stop(3, Side.Buy, Coin, stopPx: 99 * Coin);

        Assert.Equal([ExecType.New, ExecType.Filled], x.Reports.Where(r => r.OrderId == stop).Select(r => r.ExecType));
    }

    [Fact]
    public void Cancelled_stop_never_triggers_and_unlocks()
    {
        var x = new TestExchange();
        x.Fund(3);
        var stop = x.Stop(3, Side.Buy, Coin, stopPx: 105 * Coin, limitPrice: 106 * Coin);
        Assert.Equal(106 * Coin, x.Balance(3, "USD").Locked);
        Assert.Equal(CancelResult.Canceled, x.Cancel(3, stop));
        Assert.Empty(x.Events.BookEvents.ToArray());
        Assert.Equal(0, x.Balance(3, "USD").Locked);
    }

    [Fact]
    public void Post_only_that_would_take_is_rejected_and_leaves_balances_alone()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Limit(1, Side.Sell, Coin, 100 * Coin);
        var before = x.Balance(2, "USD");
        x.Limit(2, Side.Buy, Coin, 100 * Coin, postOnly: true);

        var report = x.SingleReport();
        Assert.Equal((ExecType.Rejected, OrderStatus.Rejected, OrderRejectReason.OrderExceedsLimit), (report.ExecType, report.OrderStatus, report.OrdRejReason));
        Assert.NotNull(report.Text);
        Assert.Equal(before, x.Balance(2, "USD"));
        Assert.Empty(x.Events.Trades.ToArray());
    }

    [Fact]
    public void Post_only_that_does_not_cross_rests()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Limit(1, Side.Sell, Coin, 100 * Coin);
        x.Limit(2, Side.Buy, Coin, 99 * Coin, postOnly: true);
        Assert.Equal(ExecType.New, x.SingleReport().ExecType);
        Assert.Single(x.Bids);
    }

    [Fact]
    public void Stops_triggered_by_the_same_trade_execute_in_arrival_order_and_can_cascade()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Fund(3);
        x.Fund(4);
        var late = x.Stop(3, Side.Buy, Coin, stopPx: 100 * Coin);
        var early = x.Stop(4, Side.Buy, Coin, stopPx: 99 * Coin);
        var cascade = x.Stop(4, Side.Buy, Coin, stopPx: 102 * Coin);
        x.Limit(1, Side.Sell, Coin, 101 * Coin);
        x.Limit(1, Side.Sell, Coin, 102 * Coin);
        x.Limit(1, Side.Sell, Coin, 103 * Coin);
        x.Limit(1, Side.Sell, Coin, 100 * Coin);

        x.Limit(2, Side.Buy, Coin, 100 * Coin); // last 100 triggers both waiting stops; the first to arrive (late) goes first

        var trades = x.Events.Trades.ToArray();
        Assert.Equal([0L, late, early, cascade], trades.Select(t => t.OrderId == trades[0].OrderId ? 0 : t.OrderId));
        Assert.Equal([100 * Coin, 101 * Coin, 102 * Coin, 103 * Coin], trades.Select(t => t.Price)); // 102 triggered the third stop
    }
}
