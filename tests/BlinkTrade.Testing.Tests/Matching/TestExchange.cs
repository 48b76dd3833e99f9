using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Testing.Tests.Matching;

/// <summary>An engine with BTCUSD (tick 0.01 USD, minimum 0.0001 BTC) and helpers that speak in whole units.</summary>
internal sealed class TestExchange
{
    public const string Symbol = "BTCUSD";
    public const int Broker = 5;
    public const int FeeUser = 999;
    public const long Coin = 100_000_000;
    public const long Cent = 1_000_000;

    public TestExchange(SelfTradePrevention policy = SelfTradePrevention.CancelResting, FeeRates? brokerFees = null, EngineOptions? options = null)
    {
        Engine = new MatchingEngine((options ?? new EngineOptions()) with { SelfTradePrevention = policy });
        Engine.AddInstrument(new InstrumentConfig(Symbol, "BTC", "USD", Cent, 10_000));
        Engine.Accounts.RegisterBroker(new BrokerConfig(Broker, FeeUser, brokerFees ?? default));
    }

    public MatchingEngine Engine { get; }

    public EngineEventBuffer Events => Engine.Events;

    public void Fund(int user, long btc = 100 * Coin, long usd = 1_000_000 * Coin)
    {
        if (btc > 0)
        {
            Engine.CreditDeposit(Broker, user, "BTC", btc);
        }

        if (usd > 0)
        {
            Engine.CreditDeposit(Broker, user, "USD", usd);
        }
    }

    public long Limit(int user, Side side, long quantity, long price, TimeInForce tif = TimeInForce.GoodTillCancel, string? clOrdId = null, bool postOnly = false) =>
        Engine.PlaceOrder(new NewOrder
        {
            BrokerId = Broker, UserId = user, Symbol = Symbol, Side = side, OrderType = OrderType.Limit,
            Price = price, Quantity = quantity, TimeInForce = tif, ClOrdId = clOrdId, PostOnly = postOnly,
        });

    public long Market(int user, Side side, long quantity, TimeInForce tif = TimeInForce.GoodTillCancel) =>
        Engine.PlaceOrder(new NewOrder { BrokerId = Broker, UserId = user, Symbol = Symbol, Side = side, OrderType = OrderType.Market, Quantity = quantity, TimeInForce = tif });

    public long Stop(int user, Side side, long quantity, long stopPx, long limitPrice = 0) =>
        Engine.PlaceOrder(new NewOrder
        {
            BrokerId = Broker, UserId = user, Symbol = Symbol, Side = side,
            OrderType = limitPrice == 0 ? OrderType.Stop : OrderType.StopLimit, StopPx = stopPx, Price = limitPrice, Quantity = quantity,
        });

    public CancelResult Cancel(int user, long orderId) => Engine.CancelOrder(new CancelOrder { BrokerId = Broker, UserId = user, OrderId = orderId });

    public Balance Balance(int user, string currency) => Engine.Accounts.GetBalance(Broker, user, currency);

    public ExecutionReport[] Reports => Events.ExecutionReports.ToArray();

    public ExecutionReport SingleReport() => Assert.Single(Events.ExecutionReports.ToArray());

    public IReadOnlyList<BookEntry> Bids => Engine.GetBook(Symbol, Side.Buy);

    public IReadOnlyList<BookEntry> Asks => Engine.GetBook(Symbol, Side.Sell);
}
