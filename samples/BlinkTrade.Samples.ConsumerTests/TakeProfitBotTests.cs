using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.Testing;
using Microsoft.Extensions.Time.Testing;

namespace BlinkTrade.Samples.ConsumerTests;

/// <summary>
/// How to unit-test your own trading code: run the real <see cref="BlinkTradeClient"/> against a real (in-memory)
/// exchange, drive the market with a second client, and assert on what the exchange holds.
/// </summary>
/// <remarks>
/// Each test owns a fresh <see cref="ReferenceExchange"/>: no sockets, no ports, no shared state, so tests run in
/// parallel and finish in milliseconds. Amounts on the exchange's control API are in satoshis (1e8 per unit, fiat
/// included); the client API uses the exact <see cref="Price"/>/<see cref="Quantity"/> types.
/// </remarks>
public sealed class TakeProfitBotTests
{
    private const string Symbol = "BTCUSD";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_filled_entry_is_offered_for_sale_at_the_fill_price_plus_the_profit()
    {
        await using var exchange = await StartExchangeAsync();
        var alice = await CreateTraderAsync(exchange, "alice", usd: 1_000, btc: 0);
        await CreateTraderAsync(exchange, "bob", usd: 0, btc: 10);
        await using var bot = await ConnectAsync(exchange, "alice");
        await using var market = await ConnectAsync(exchange, "bob");

        // Bob already offers 1 BTC at 600, so the bot's entry fills at once.
        await market.SendOrderAsync(NewOrder.Limit(Symbol, Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(600m)));

        // Subscribe to the stream *before* acting: FirstAsync(...).ToTask() starts listening immediately.
        var takeProfitPlaced = bot.ExecutionReports
            .FirstAsync(r => r.Side == Side.Sell && r.OrdStatus == OrdStatus.New)
            .ToTask();

        using var strategy = new TakeProfitBot(bot, Symbol, profitPerUnit: Price.FromDecimal(10m), entryTimeout: TimeSpan.FromMinutes(1));
        await strategy.EnterAsync(Quantity.FromDecimal(1m), Price.FromDecimal(600m));

        // The client's view: the take-profit order was accepted at 610.
        var takeProfit = await takeProfitPlaced.WaitAsync(Timeout);
        Assert.Equal(Price.FromDecimal(610m), takeProfit.Price);
        Assert.Equal(Quantity.FromDecimal(1m), takeProfit.OrderQty);
        await strategy.WhenIdleAsync().WaitAsync(Timeout);

        // The exchange's view: the book holds exactly Alice's offer, and the bitcoin she bought is locked behind it.
        var book = await exchange.GetBookAsync(Symbol);
        Assert.Empty(book.Bids);
        var offer = Assert.Single(book.Offers);
        Assert.Equal((alice, Price.FromDecimal(610m), Quantity.FromDecimal(1m)), (offer.UserId, offer.Price, offer.Quantity));
        var btc = await exchange.GetBalanceAsync(alice, "BTC");
        Assert.Equal(Amount.FromDecimal(1m), btc.Total);
        Assert.Equal(Amount.FromDecimal(1m), btc.Locked);
        Assert.Equal(Amount.FromDecimal(400m), (await exchange.GetBalanceAsync(alice, "USD")).Total);
    }

    [Fact]
    public async Task Each_partial_fill_gets_its_own_take_profit_for_the_filled_quantity()
    {
        await using var exchange = await StartExchangeAsync();
        var alice = await CreateTraderAsync(exchange, "alice", usd: 1_000, btc: 0);
        await CreateTraderAsync(exchange, "bob", usd: 0, btc: 10);
        await using var bot = await ConnectAsync(exchange, "alice");
        await using var market = await ConnectAsync(exchange, "bob");

        using var strategy = new TakeProfitBot(bot, Symbol, Price.FromDecimal(5m), TimeSpan.FromMinutes(1));
        var entry = await strategy.EnterAsync(Quantity.FromDecimal(1m), Price.FromDecimal(600m));
        Assert.Equal(OrdStatus.New, entry.OrdStatus); // nothing to match yet: the bid rests on the book

        // Bob sells into the bid twice: 0.3 at 600, then 0.7 at 600.
        var bothPlaced = bot.ExecutionReports.Where(r => r.Side == Side.Sell && r.OrdStatus == OrdStatus.New).Take(2).ToList().ToTask();
        await market.SendOrderAsync(NewOrder.Limit(Symbol, Side.Sell, Quantity.FromDecimal(0.3m), Price.FromDecimal(600m)));
        await market.SendOrderAsync(NewOrder.Limit(Symbol, Side.Sell, Quantity.FromDecimal(0.7m), Price.FromDecimal(600m)));

        var takeProfits = await bothPlaced.WaitAsync(Timeout);
        Assert.Equal([Quantity.FromDecimal(0.3m), Quantity.FromDecimal(0.7m)], takeProfits.Select(r => r.OrderQty).Order());
        Assert.All(takeProfits, r => Assert.Equal(Price.FromDecimal(605m), r.Price));

        // The client tracks every order's latest state: the entry is now completely filled.
        Assert.True(bot.Orders.TryGet(entry.ClOrdID!, out var latest));
        Assert.Equal(OrdStatus.Filled, latest.OrdStatus);
        var offers = (await exchange.GetBookAsync(Symbol)).Offers;
        Assert.Equal(2, offers.Count);
        Assert.All(offers, o => Assert.Equal(alice, o.UserId));
    }

    [Fact]
    public async Task When_the_market_reaches_the_target_the_profit_lands_in_the_balance()
    {
        // A broker without fees keeps the arithmetic obvious; with fees, pass makerFeeBps/takerFeeBps to CreateBrokerAsync.
        await using var exchange = await StartExchangeAsync();
        var alice = await CreateTraderAsync(exchange, "alice", usd: 1_000, btc: 0);
        await CreateTraderAsync(exchange, "bob", usd: 1_000, btc: 10);
        await using var bot = await ConnectAsync(exchange, "alice");
        await using var market = await ConnectAsync(exchange, "bob");

        await market.SendOrderAsync(NewOrder.Limit(Symbol, Side.Sell, Quantity.FromDecimal(0.5m), Price.FromDecimal(600m)));
        using var strategy = new TakeProfitBot(bot, Symbol, Price.FromDecimal(20m), TimeSpan.FromMinutes(1));
        await strategy.EnterAsync(Quantity.FromDecimal(0.5m), Price.FromDecimal(600m));
        await strategy.WhenIdleAsync().WaitAsync(Timeout);
        // WhenIdleAsync covers orders already started; wait until the take-profit is really resting on the book.
        await WaitUntilAsync(async () => (await exchange.GetBookAsync(Symbol)).Offers.Count == 1);

        // Bob buys at the target price and lifts Alice's take-profit.
        var sold = bot.ExecutionReports.FirstAsync(r => r.Side == Side.Sell && r.OrdStatus == OrdStatus.Filled).ToTask();
        await market.SendOrderAsync(NewOrder.Limit(Symbol, Side.Buy, Quantity.FromDecimal(0.5m), Price.FromDecimal(620m)));
        Assert.Equal(Price.FromDecimal(620m), (await sold.WaitAsync(Timeout)).AvgPx);

        // Bought 0.5 at 600 (300 USD), sold 0.5 at 620 (310 USD): 10 USD richer, no bitcoin left, nothing locked.
        Assert.Equal(new ExchangeBalance(Amount.FromDecimal(1_010m), Amount.Zero), await exchange.GetBalanceAsync(alice, "USD"));
        Assert.Equal(new ExchangeBalance(Amount.Zero, Amount.Zero), await exchange.GetBalanceAsync(alice, "BTC"));
        // The client's Balances agree with the exchange once the unsolicited balance updates are applied.
        var balances = await bot.GetBalancesAsync();
        Assert.Equal(Amount.FromDecimal(1_010m), balances.Get("USD")?.Total);
    }

    [Fact]
    public async Task An_entry_still_open_after_the_timeout_is_cancelled_on_a_manual_clock()
    {
        // A FakeTimeProvider drives the bot and the exchange: time only moves when the test says so, so a
        // one-minute timeout is tested in microseconds and never flakes on a slow machine.
        // The client keeps the system clock here on purpose: on a manual clock its heartbeat (a TestRequest every
        // 30 s, a reply expected within 15 s) would also fire inside a one-minute jump, before the reply could arrive.
        // Give the client the manual clock too (BlinkTradeClientOptions.TimeProvider) when you test heartbeats,
        // request timeouts or reconnect back-off, and advance it in steps.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var exchange = await StartExchangeAsync(clock);
        var alice = await CreateTraderAsync(exchange, "alice", usd: 1_000, btc: 0);
        await using var bot = await ConnectAsync(exchange, "alice");

        using var strategy = new TakeProfitBot(bot, Symbol, Price.FromDecimal(10m), TimeSpan.FromMinutes(1), clock);
        await strategy.EnterAsync(Quantity.FromDecimal(1m), Price.FromDecimal(600m));
        Assert.Equal(Amount.FromDecimal(600m), (await exchange.GetBalanceAsync(alice, "USD")).Locked); // the bid locks its cost

        clock.Advance(TimeSpan.FromSeconds(59));
        await strategy.WhenIdleAsync().WaitAsync(Timeout);
        Assert.Single((await exchange.GetBookAsync(Symbol)).Bids); // not yet

        var cancelled = bot.ExecutionReports.FirstAsync(r => r.OrdStatus == OrdStatus.Cancelled).ToTask();
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Quantity.FromDecimal(1m), (await cancelled.WaitAsync(Timeout)).CxlQty);
        await strategy.WhenIdleAsync().WaitAsync(Timeout);

        Assert.Empty((await exchange.GetBookAsync(Symbol)).Bids);
        Assert.Equal(new ExchangeBalance(Amount.FromDecimal(1_000m), Amount.Zero), await exchange.GetBalanceAsync(alice, "USD")); // unlocked again
    }

    // ---- Test fixtures: the part you copy into your own test project. ----

    /// <summary>A fresh exchange with one broker (id 5, no fees) and one instrument.</summary>
    private static async Task<ReferenceExchange> StartExchangeAsync(TimeProvider? clock = null)
    {
        var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions
        {
            TimeProvider = clock ?? TimeProvider.System,
            PasswordHashIterations = 1,     // PBKDF2 at 100,000 iterations is for production; tests want speed
            MaxMessagesPerSecond = 10_000,  // the real limit (15/s) would throttle a fast test
        });
        await exchange.CreateBrokerAsync(5, "exchange");
        // Prices in whole cents, quantities of at least 0.0001 BTC.
        await exchange.CreateInstrumentAsync(Symbol, "BTC", "USD", tickSize: Amount.FromDecimal(0.01m), minQty: Amount.FromDecimal(0.0001m));
        return exchange;
    }

    /// <summary>A user of broker 5 funded with whole units of USD and BTC.</summary>
    private static async Task<int> CreateTraderAsync(ReferenceExchange exchange, string username, long usd, long btc)
    {
        var userId = await exchange.CreateUserAsync(username, Password(username), brokerId: 5);
        if (usd > 0)
        {
            await exchange.CreditAsync(userId, "USD", Amount.FromDecimal(usd));
        }
        if (btc > 0)
        {
            await exchange.CreditAsync(userId, "BTC", Amount.FromDecimal(btc));
        }
        return userId;
    }

    /// <summary>A real client, connected and logged in over the exchange's in-memory transport.</summary>
    private static async Task<BlinkTradeClient> ConnectAsync(ReferenceExchange exchange, string username)
    {
        var client = new BlinkTradeClient(new BlinkTradeClientOptions
        {
            Transport = exchange.CreateInMemoryTransport(),
            BrokerId = 5,
            Credentials = BlinkTradeCredentials.FromPassword(username, Password(username)),
        });
        await client.ConnectAsync().WaitAsync(Timeout); // connects and logs in
        return client;
    }

    private static string Password(string username) => username + "-pw-1";

    /// <summary>Polls a condition on the exchange (its control API answers in order with trading, so this is short).</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(5);
        }
    }
}
