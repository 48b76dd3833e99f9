using BlinkTrade.Testing.Matching;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Matching;

public class MarketOrderTests
{
    [Fact]
    public void Market_order_against_an_empty_book_is_cancelled_without_a_new_report()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Market(1, Side.Buy, Coin);
        var report = x.SingleReport();
        Assert.Equal((ExecType.Canceled, OrderStatus.Canceled, Coin, 0L), (report.ExecType, report.OrderStatus, report.CxlQty, report.Price));
        Assert.Empty(x.Bids);
        Assert.Equal(0, x.Balance(1, "USD").Locked);
    }

    [Fact]
    public void Market_order_sweeps_any_price_and_cancels_the_rest()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Limit(1, Side.Sell, Coin, 100 * Coin);
        x.Limit(1, Side.Sell, Coin, 900 * Coin);
        x.Market(2, Side.Buy, 5 * Coin);

        Assert.Equal([100 * Coin, 900 * Coin], x.Events.Trades.ToArray().Select(t => t.Price));
        var last = x.Reports[^1];
        Assert.Equal((ExecType.Canceled, 2 * Coin, 3 * Coin, 0L), (last.ExecType, last.CumQty, last.CxlQty, last.LeavesQty));
        Assert.Empty(x.Asks);
        Assert.Empty(x.Bids);
    }

    [Fact]
    public void Market_buy_is_capped_per_fill_by_available_quote()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2, btc: 0, usd: 150 * Coin);
        x.Limit(1, Side.Sell, Coin, 100 * Coin);
        x.Limit(1, Side.Sell, Coin, 100 * Coin);
        x.Market(2, Side.Buy, 2 * Coin);

        Assert.Equal([Coin, Coin / 2], x.Events.Trades.ToArray().Select(t => t.Quantity));
        Assert.Equal(0, x.Balance(2, "USD").Total);
        Assert.Equal(3 * Coin / 2, x.Balance(2, "BTC").Total);
        var cancel = x.Reports[^1];
        Assert.Equal((ExecType.Canceled, "Insufficient funds"), (cancel.ExecType, cancel.Text));
        Assert.Equal(Coin / 2, x.Asks[0].Quantity);
    }

    [Fact]
    public void Market_buy_without_available_quote_is_rejected()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2, btc: Coin, usd: 0);
        x.Limit(1, Side.Sell, Coin, 100 * Coin);
        x.Market(2, Side.Buy, Coin);
        var report = x.SingleReport();
        Assert.Equal((ExecType.Rejected, OrderRejectReason.OrderExceedsLimit), (report.ExecType, report.OrdRejReason));
    }

    [Fact]
    public void Market_sell_locks_base_and_is_rejected_without_it()
    {
        var x = new TestExchange();
        x.Fund(2, btc: Coin / 2);
        x.Market(2, Side.Sell, Coin);
        Assert.Equal(OrderRejectReason.OrderExceedsLimit, x.SingleReport().OrdRejReason);
        Assert.Equal(new Testing.Accounts.Balance(Coin / 2, 0), x.Balance(2, "BTC"));
    }

    [Fact]
    public void Ioc_fills_what_is_marketable_and_cancels_the_rest()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Limit(1, Side.Sell, Coin, 100 * Coin);
        x.Limit(1, Side.Sell, Coin, 101 * Coin);
        x.Limit(2, Side.Buy, 3 * Coin, 100 * Coin, TimeInForce.ImmediateOrCancel);

        Assert.Single(x.Events.Trades.ToArray());
        Assert.Equal([ExecType.New, ExecType.PartiallyFilled, ExecType.Filled, ExecType.Canceled], x.Reports.Select(r => r.ExecType));
        Assert.Empty(x.Bids);
        Assert.Equal(0, x.Balance(2, "USD").Locked);
    }

    [Fact]
    public void Ioc_that_cannot_trade_only_reports_its_cancel()
    {
        var x = new TestExchange();
        x.Fund(2);
        x.Limit(2, Side.Buy, Coin, 100 * Coin, TimeInForce.ImmediateOrCancel);
        var report = x.SingleReport();
        Assert.Equal((ExecType.Canceled, Coin), (report.ExecType, report.CxlQty));
        Assert.Empty(x.Events.BookEvents.ToArray());
    }

    [Fact]
    public void Fok_is_killed_when_the_book_cannot_fill_it_completely()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Limit(1, Side.Sell, Coin, 100 * Coin);
        x.Limit(1, Side.Sell, Coin, 102 * Coin);
        x.Limit(2, Side.Buy, 2 * Coin, 101 * Coin, TimeInForce.FillOrKill);

        var report = x.SingleReport();
        Assert.Equal((ExecType.Canceled, 0L, 2 * Coin), (report.ExecType, report.CumQty, report.CxlQty));
        Assert.Empty(x.Events.Trades.ToArray());
        Assert.Equal(2, x.Asks.Count);
        Assert.Equal(0, x.Balance(2, "USD").Locked);
    }

    [Fact]
    public void Fok_fills_completely_from_several_makers()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Limit(1, Side.Sell, Coin, 100 * Coin);
        x.Limit(1, Side.Sell, Coin, 101 * Coin);
        x.Limit(2, Side.Buy, 2 * Coin, 101 * Coin, TimeInForce.FillOrKill);
        Assert.Equal(2, x.Events.Trades.Length);
        Assert.Equal(OrderStatus.Filled, x.Reports.Last(r => r.UserId == 2).OrderStatus);
    }

    [Fact]
    public void Market_fok_is_killed_when_funds_cannot_pay_for_all_of_it()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2, btc: 0, usd: 150 * Coin);
        x.Limit(1, Side.Sell, 2 * Coin, 100 * Coin);
        x.Market(2, Side.Buy, 2 * Coin, TimeInForce.FillOrKill);
        Assert.Equal(ExecType.Canceled, x.SingleReport().ExecType);
        Assert.Empty(x.Events.Trades.ToArray());
        Assert.Equal(150 * Coin, x.Balance(2, "USD").Total);
    }
}
