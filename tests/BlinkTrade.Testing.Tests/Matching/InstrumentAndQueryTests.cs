using BlinkTrade.Testing.Matching;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Matching;

public class InstrumentAndQueryTests
{
    [Fact]
    public void Each_symbol_has_its_own_book_and_currencies()
    {
        var x = new TestExchange();
        x.Engine.AddInstrument(new InstrumentConfig("ETHBTC", "ETH", "BTC", 1_000, 10_000));
        x.Engine.CreditDeposit(Broker, 1, "ETH", 10 * Coin);
        x.Fund(2);
        x.Engine.PlaceOrder(new NewOrder { BrokerId = Broker, UserId = 1, Symbol = "ETHBTC", Side = Side.Sell, OrderType = OrderType.Limit, Price = Coin / 20, Quantity = Coin });
        x.Limit(2, Side.Buy, Coin, 100 * Coin);

        Assert.Empty(x.Events.Trades.ToArray());
        Assert.Single(x.Engine.GetBook("ETHBTC", Side.Sell));
        Assert.Single(x.Bids);
        Assert.Equal(Coin, x.Balance(1, "ETH").Locked);

        x.Engine.PlaceOrder(new NewOrder { BrokerId = Broker, UserId = 2, Symbol = "ETHBTC", Side = Side.Buy, OrderType = OrderType.Limit, Price = Coin / 20, Quantity = Coin });
        var trade = Assert.Single(x.Events.Trades.ToArray());
        Assert.Equal(("ETHBTC", Coin / 20), (trade.Symbol, trade.Price));
        Assert.Equal(Coin, x.Balance(2, "ETH").Total);
        Assert.Equal(Coin / 20, x.Balance(1, "BTC").Total);
        Assert.Equal(Coin / 20, x.Engine.Instruments.Single(i => i.Symbol == "ETHBTC").LastPrice);
        Assert.Equal(0, x.Engine.Instruments.Single(i => i.Symbol == Symbol).LastPrice);
    }

    [Fact]
    public void Adding_a_symbol_twice_is_refused()
    {
        var x = new TestExchange();
        Assert.Throws<ArgumentException>(() => x.Engine.AddInstrument(new InstrumentConfig(Symbol, "BTC", "USD", 1, 1)));
    }

    [Fact]
    public void Open_orders_are_queryable_by_account_order_id_and_cl_ord_id()
    {
        var x = new TestExchange();
        x.Fund(1);
        x.Fund(2);
        var a = x.Limit(1, Side.Buy, Coin, 100 * Coin, clOrdId: "a");
        var b = x.Limit(1, Side.Sell, 3 * Coin, 200 * Coin, clOrdId: "b");
        x.Limit(2, Side.Buy, Coin, 200 * Coin);

        var open = x.Engine.GetOpenOrders(Broker, 1);
        Assert.Equal([a, b], open.Select(o => o.OrderId));
        Assert.True(x.Engine.TryGetOpenOrder(Broker, 1, "b", out var state));
        Assert.Equal((b, OrderStatus.PartiallyFilled, 2 * Coin, Coin, 2 * Coin), (state.OrderId, state.Status, state.LeavesQty, state.CumQty, state.Locked));
        Assert.True(x.Engine.TryGetOpenOrder(a, out var byId));
        Assert.Equal("a", byId.ClOrdId);
        Assert.False(x.Engine.TryGetOpenOrder(Broker, 2, "a", out _));
        Assert.Equal(2, x.Engine.OpenOrderCount);

        var book = x.Engine.GetBook(Symbol, Side.Sell, depth: 1);
        Assert.Equal(new BookEntry(1, 200 * Coin, 2 * Coin, b, Broker, 1, 0), Assert.Single(book));
    }
}
