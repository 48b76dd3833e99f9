using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Matching;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Matching;

public class RejectTests
{
    // The engine's types are internal, so the cases travel as objects (a public theory cannot name them).
    public static TheoryData<string, object, object> Rejects() => new()
    {
        { "insufficient quote", Order(Side.Buy, 2_000 * Coin, 1_000 * Coin), OrderRejectReason.OrderExceedsLimit },
        { "insufficient base", Order(Side.Sell, 20 * Coin, 100 * Coin), OrderRejectReason.OrderExceedsLimit },
        { "below minimum", Order(Side.Buy, 9_999, 100 * Coin), OrderRejectReason.OrderExceedsLimit },
        { "unknown symbol", Order(Side.Buy, Coin, 100 * Coin) with { Symbol = "ETHUSD" }, OrderRejectReason.UnknownSymbol },
        { "zero price", Order(Side.Buy, Coin, 0), OrderRejectReason.Other },
        { "negative price", Order(Side.Buy, Coin, -100 * Coin), OrderRejectReason.Other },
        { "zero quantity", Order(Side.Buy, 0, 100 * Coin), OrderRejectReason.Other },
        { "negative quantity", Order(Side.Sell, -Coin, 100 * Coin), OrderRejectReason.Other },
        { "overflowing notional", Order(Side.Buy, long.MaxValue / 2, long.MaxValue / 1_000_000 * 1_000_000), OrderRejectReason.Other },
        { "price off the tick", Order(Side.Buy, Coin, (100 * Coin) + 1), OrderRejectReason.Other },
        { "stop price off the tick", Order(Side.Buy, Coin, 100 * Coin) with { OrderType = OrderType.StopLimit, StopPx = 3 }, OrderRejectReason.Other },
        { "stop without stop price", Order(Side.Buy, Coin, 0) with { OrderType = OrderType.Stop }, OrderRejectReason.Other },
        { "unsupported type", Order(Side.Buy, Coin, 100 * Coin) with { OrderType = (OrderType)9 }, OrderRejectReason.Other },
        { "unsupported time in force", Order(Side.Buy, Coin, 100 * Coin) with { TimeInForce = (TimeInForce)2 }, OrderRejectReason.Other },
        { "invalid side", Order((Side)7, Coin, 100 * Coin), OrderRejectReason.Other },
        { "post-only market", Order(Side.Buy, Coin, 0) with { OrderType = OrderType.Market, PostOnly = true }, OrderRejectReason.Other },
    };

    [Theory]
    [MemberData(nameof(Rejects))]
    public void Invalid_orders_get_one_reject_report_and_change_no_balance(string because, object orderCase, object reasonCase)
    {
        var (order, reason) = ((NewOrder)orderCase, (OrderRejectReason)reasonCase);
        var x = new TestExchange();
        x.Fund(1, btc: 10 * Coin, usd: 1_000 * Coin);
        var before = (x.Balance(1, "BTC"), x.Balance(1, "USD"));

        var id = x.Engine.PlaceOrder(order);

        var report = x.SingleReport();
        Assert.True(id > 0, because);
        Assert.Equal((id, ExecType.Rejected, OrderStatus.Rejected, reason), (report.OrderId, report.ExecType, report.OrderStatus, report.OrdRejReason));
        Assert.False(string.IsNullOrWhiteSpace(report.Text));
        Assert.Equal(report.OrderQty, report.CumQty + report.LeavesQty + report.CxlQty);
        Assert.Equal((0L, 0L), (report.LastPx, report.LastShares));
        Assert.Equal(before, (x.Balance(1, "BTC"), x.Balance(1, "USD")));
        Assert.Empty(x.Events.BookEvents.ToArray());
        Assert.Empty(x.Events.BalanceChanges.ToArray());
        Assert.Equal(0, x.Engine.OpenOrderCount);
    }

    [Fact]
    public void Duplicate_cl_ord_id_of_an_open_order_is_rejected_but_reusable_after_close()
    {
        var x = new TestExchange();
        x.Fund(1);
        var first = x.Limit(1, Side.Buy, Coin, 100 * Coin, clOrdId: "dup");
        x.Limit(1, Side.Buy, Coin, 100 * Coin, clOrdId: "dup");
        Assert.Equal(OrderRejectReason.DuplicateOrder, x.SingleReport().OrdRejReason);
        Assert.Equal(100 * Coin, x.Balance(1, "USD").Locked);

        x.Cancel(1, first);
        x.Limit(1, Side.Buy, Coin, 100 * Coin, clOrdId: "dup");
        Assert.Equal(ExecType.New, x.SingleReport().ExecType);
    }

    [Fact]
    public void Same_cl_ord_id_of_another_user_is_not_a_duplicate()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        x.Limit(1, Side.Buy, Coin, 100 * Coin, clOrdId: "same");
        x.Limit(2, Side.Buy, Coin, 100 * Coin, clOrdId: "same");
        Assert.Equal(ExecType.New, x.SingleReport().ExecType);
    }

    private static NewOrder Order(Side side, long quantity, long price) => new()
    {
        BrokerId = Broker, UserId = 1, Symbol = Symbol, Side = side, OrderType = OrderType.Limit, Price = price, Quantity = quantity,
    };
}
