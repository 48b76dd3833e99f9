using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.Testing;
using BlinkTrade.Testing.Scenarios;

namespace BlinkTrade.Samples.ConsumerTests;

/// <summary>
/// How to unit-test your own trading code: run the real <see cref="BlinkTradeClient"/> against a real (in-memory)
/// exchange, drive the market with a second client, and assert on what the exchange holds.
/// </summary>
/// <remarks>
/// Each test owns a fresh scenario (<see cref="ExchangeScenario"/>): an exchange tuned for tests, no sockets, no
/// ports, no shared state, so tests run in parallel and finish in milliseconds. Everything runs on the scenario's
/// manual clock, and <see cref="ExchangeScenario.RunUntilIdleAsync"/> / <see cref="ExchangeScenario.AdvanceAsync"/>
/// wait until the exchange, the clients and the bot have nothing left to do: no sleeps, no polling. Amounts on the
/// exchange's control API use the client's exact <see cref="Price"/>/<see cref="Quantity"/>/<see cref="Amount"/>
/// types, like the client API.
/// </remarks>
public sealed class TakeProfitBotTests
{
    private const string Symbol = "BTCUSD";

    [Fact]
    public async Task A_filled_entry_is_offered_for_sale_at_the_fill_price_plus_the_profit()
    {
        // Someone already offers 1 BTC at 600, so the bot's entry fills at once.
        await using var scenario = await Traders().Book(Symbol, asks: [(600, 1)]).StartAsync();
        var alice = scenario.UserId("alice");
        using var strategy = BotFor(scenario, profit: 10);

        await strategy.EnterAsync(Quantity.FromDecimal(1m), Price.FromDecimal(600m));
        await scenario.RunUntilIdleAsync(); // the fill arrived, the take-profit was sent and answered

        // The client's view: the take-profit order was accepted at 610.
        Assert.True(scenario.Client("alice").Orders.TryGet("tp-2", out var takeProfit));
        Assert.Equal((OrdStatus.New, Price.FromDecimal(610m), Quantity.FromDecimal(1m)), (takeProfit.OrdStatus, takeProfit.Price, takeProfit.OrderQty));

        // The exchange's view: the book holds exactly Alice's offer, and the bitcoin she bought is locked behind it.
        var book = await scenario.Exchange.GetBookAsync(Symbol);
        Assert.Empty(book.Bids);
        var offer = Assert.Single(book.Offers);
        Assert.Equal((alice, Price.FromDecimal(610m), Quantity.FromDecimal(1m)), (offer.UserId, offer.Price, offer.Quantity));
        Assert.Equal(new ExchangeBalance(Amount.FromDecimal(1m), Amount.FromDecimal(1m)), await scenario.Exchange.GetBalanceAsync(alice, "BTC"));
        Assert.Equal(Amount.FromDecimal(400m), (await scenario.Exchange.GetBalanceAsync(alice, "USD")).Total);
    }

    [Fact]
    public async Task Each_partial_fill_gets_its_own_take_profit_for_the_filled_quantity()
    {
        await using var scenario = await Traders().StartAsync();
        using var strategy = BotFor(scenario, profit: 5);
        var entry = await strategy.EnterAsync(Quantity.FromDecimal(1m), Price.FromDecimal(600m));
        Assert.Equal(OrdStatus.New, entry.OrdStatus); // nothing to match yet: the bid rests on the book

        // Bob sells into the bid twice: 0.3 at 600, then 0.7 at 600.
        var bothPlaced = scenario.Client("alice").ExecutionReports.Where(r => r.Side == Side.Sell && r.OrdStatus == OrdStatus.New).Take(2).ToList().ToTask();
        var market = scenario.Client("bob");
        await market.SendOrderAsync(NewOrder.Limit(Symbol, Side.Sell, Quantity.FromDecimal(0.3m), Price.FromDecimal(600m)));
        await market.SendOrderAsync(NewOrder.Limit(Symbol, Side.Sell, Quantity.FromDecimal(0.7m), Price.FromDecimal(600m)));
        await scenario.RunUntilIdleAsync();

        Assert.True(bothPlaced.IsCompleted); // idle: every report was delivered to every subscriber
        var takeProfits = await bothPlaced;
        Assert.Equal([Quantity.FromDecimal(0.3m), Quantity.FromDecimal(0.7m)], takeProfits.Select(r => r.OrderQty).Order());
        Assert.All(takeProfits, r => Assert.Equal(Price.FromDecimal(605m), r.Price));

        // The client tracks every order's latest state: the entry is now completely filled.
        Assert.True(scenario.Client("alice").Orders.TryGet(entry.ClOrdID!, out var latest));
        Assert.Equal(OrdStatus.Filled, latest.OrdStatus);
        var offers = (await scenario.Exchange.GetBookAsync(Symbol)).Offers;
        Assert.Equal(2, offers.Count);
        Assert.All(offers, o => Assert.Equal(scenario.UserId("alice"), o.UserId));
    }

    [Fact]
    public async Task When_the_market_reaches_the_target_the_profit_lands_in_the_balance()
    {
        // A broker without fees keeps the arithmetic obvious; with fees, add .Broker(5, makerFeeBps: 10, takerFeeBps: 20).
        await using var scenario = await Traders(bobUsd: 1_000).Book(Symbol, asks: [(600, 0.5m)]).StartAsync();
        var alice = scenario.UserId("alice");
        using var strategy = BotFor(scenario, profit: 20);
        await strategy.EnterAsync(Quantity.FromDecimal(0.5m), Price.FromDecimal(600m));
        await scenario.RunUntilIdleAsync(); // the take-profit is resting on the book: no polling
        Assert.Single((await scenario.Exchange.GetBookAsync(Symbol)).Offers);

        // Bob buys at the target price and lifts Alice's take-profit.
        await scenario.Client("bob").SendOrderAsync(NewOrder.Limit(Symbol, Side.Buy, Quantity.FromDecimal(0.5m), Price.FromDecimal(620m)));
        await scenario.RunUntilIdleAsync();
        Assert.True(scenario.Client("alice").Orders.TryGet("tp-2", out var sold));
        Assert.Equal((OrdStatus.Filled, Price.FromDecimal(620m)), (sold.OrdStatus, sold.AvgPx));

        // Bought 0.5 at 600 (300 USD), sold 0.5 at 620 (310 USD): 10 USD richer, no bitcoin left, nothing locked.
        Assert.Equal(new ExchangeBalance(Amount.FromDecimal(1_010m), Amount.Zero), await scenario.Exchange.GetBalanceAsync(alice, "USD"));
        Assert.Equal(new ExchangeBalance(Amount.Zero, Amount.Zero), await scenario.Exchange.GetBalanceAsync(alice, "BTC"));
        // The client's Balances agree with the exchange once the unsolicited balance updates are applied.
        var balances = await scenario.Client("alice").GetBalancesAsync();
        Assert.Equal(Amount.FromDecimal(1_010m), balances.Get("USD")?.Total);
    }

    [Fact]
    public async Task An_entry_still_open_after_the_timeout_is_cancelled_on_a_manual_clock()
    {
        // The scenario's FakeTimeProvider drives the bot, the client and the exchange: time only moves when the test
        // says so, so a one-minute timeout is tested in milliseconds and never flakes on a slow machine. AdvanceAsync
        // moves it a second at a time and runs until idle after each step (heartbeats stay answered).
        await using var scenario = await Traders().StartAsync();
        var alice = scenario.UserId("alice");
        using var strategy = BotFor(scenario, profit: 10);
        await strategy.EnterAsync(Quantity.FromDecimal(1m), Price.FromDecimal(600m));
        Assert.Equal(Amount.FromDecimal(600m), (await scenario.Exchange.GetBalanceAsync(alice, "USD")).Locked); // the bid locks its cost

        await scenario.AdvanceAsync(TimeSpan.FromSeconds(59));
        Assert.Single((await scenario.Exchange.GetBookAsync(Symbol)).Bids); // not yet

        await scenario.AdvanceAsync(TimeSpan.FromSeconds(1)); // the timer fires, the cancel is sent and answered
        Assert.True(scenario.Client("alice").Orders.TryGet("entry-1", out var entry));
        Assert.Equal((OrdStatus.Cancelled, Quantity.FromDecimal(1m)), (entry.OrdStatus, entry.CxlQty));
        Assert.Empty((await scenario.Exchange.GetBookAsync(Symbol)).Bids);
        Assert.Equal(new ExchangeBalance(Amount.FromDecimal(1_000m), Amount.Zero), await scenario.Exchange.GetBalanceAsync(alice, "USD")); // unlocked again
    }

    // ---- Test fixtures: the part you copy into your own test project. ----

    /// <summary>An exchange (broker 5, no fees) trading BTCUSD in whole cents; Alice runs the bot, Bob is the market.</summary>
    private static ScenarioBuilder Traders(decimal bobUsd = 0) => ExchangeScenario.Create()
        .Instrument(Symbol, "BTC", "USD", tickSize: 0.01m, minQty: 0.0001m)
        .User("alice", ("USD", 1_000))
        .User("bob", ("USD", bobUsd), ("BTC", 10));

    /// <summary>The bot on Alice's client and the scenario's clock, its pending orders part of "idle".</summary>
    private static TakeProfitBot BotFor(ExchangeScenario scenario, decimal profit)
    {
        var bot = new TakeProfitBot(scenario.Client("alice"), Symbol, Price.FromDecimal(profit), TimeSpan.FromMinutes(1), scenario.Clock);
        scenario.TrackWork(bot.WhenIdleAsync);
        return bot;
    }
}
