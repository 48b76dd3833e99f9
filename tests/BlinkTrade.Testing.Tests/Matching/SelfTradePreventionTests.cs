using BlinkTrade.Testing.Matching;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Matching;

public class SelfTradePreventionTests
{
    private static (TestExchange X, long Own, long Other) Setup(SelfTradePrevention policy)
    {
        var x = new TestExchange(policy);
        x.Fund(1);
        x.Fund(2);
        var own = x.Limit(1, Side.Sell, Coin, 100 * Coin);
        var other = x.Limit(2, Side.Sell, Coin, 101 * Coin);
        return (x, own, other);
    }

    [Fact]
    public void Cancel_resting_is_the_default_and_keeps_sweeping()
    {
        var (x, own, other) = Setup(new EngineOptions().SelfTradePrevention);
        var taker = x.Limit(1, Side.Buy, Coin, 101 * Coin);

        var reports = x.Reports;
        Assert.Equal((own, ExecType.Canceled, "Self-trade prevention"), (reports[0].OrderId, reports[0].ExecType, reports[0].Text));
        Assert.Equal(other, Assert.Single(x.Events.Trades.ToArray()).SecondaryOrderId);
        Assert.Equal(OrderStatus.Filled, reports.Last(r => r.OrderId == taker).OrderStatus);
        var md = x.Events.BookEvents.ToArray();
        Assert.Equal((BookUpdateAction.DeleteThru, 2), (md[0].Action, md[0].Position));
        Assert.Equal(0, x.Balance(1, "BTC").Locked);
    }

    [Fact]
    public void Cancel_incoming_stops_matching_and_keeps_the_resting_order()
    {
        var (x, own, _) = Setup(SelfTradePrevention.CancelIncoming);
        var taker = x.Limit(1, Side.Buy, Coin, 101 * Coin);
        var report = x.SingleReport();
        Assert.Equal((taker, ExecType.Canceled), (report.OrderId, report.ExecType));
        Assert.Equal(own, x.Asks[0].OrderId);
        Assert.Equal(0, x.Balance(1, "USD").Locked);
    }

    [Fact]
    public void Cancel_both_cancels_resting_and_incoming()
    {
        var (x, own, other) = Setup(SelfTradePrevention.CancelBoth);
        var taker = x.Limit(1, Side.Buy, Coin, 101 * Coin);
        Assert.Equal([own, taker], x.Reports.Select(r => r.OrderId));
        Assert.All(x.Reports, r => Assert.Equal(ExecType.Canceled, r.ExecType));
        Assert.Equal(other, Assert.Single(x.Asks).OrderId);
    }

    [Fact]
    public void None_lets_the_account_trade_with_itself()
    {
        var (x, own, _) = Setup(SelfTradePrevention.None);
        var btc = x.Balance(1, "BTC").Total;
        x.Limit(1, Side.Buy, Coin, 100 * Coin);
        var trade = Assert.Single(x.Events.Trades.ToArray());
        Assert.Equal((own, 1, 1), (trade.SecondaryOrderId, trade.BuyerUserId, trade.SellerUserId));
        Assert.Equal(btc, x.Balance(1, "BTC").Total);
    }
}
