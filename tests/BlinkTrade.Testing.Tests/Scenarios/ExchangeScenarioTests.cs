using System.Diagnostics;
using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.Testing.Scenarios;
using Xunit.Abstractions;

namespace BlinkTrade.Testing.Tests.Scenarios;

/// <summary>The scenario builder, the test defaults and run-until-idle.</summary>
public sealed class ExchangeScenarioTests(ITestOutputHelper output)
{
    [Fact]
    public void ForTests_hashes_fast_has_no_rate_limit_or_session_timeouts_and_runs_on_the_given_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var options = ReferenceExchangeOptions.ForTests(clock);

        Assert.Same(clock, options.TimeProvider);
        Assert.Equal(1, options.PasswordHashIterations);
        Assert.Equal(0, options.MaxMessagesPerSecond);
        Assert.Equal(TimeSpan.Zero, options.IdleTimeout);
        Assert.Equal(TimeSpan.Zero, options.LoginTimeout);
        Assert.False(options.EnableWebSocketServer);
        Assert.Same(TimeProvider.System, ReferenceExchangeOptions.ForTests().TimeProvider);
    }

    [Fact]
    public async Task A_scenario_creates_funded_users_logs_them_in_and_rests_the_book_it_describes()
    {
        await using var scenario = await ExchangeScenario.Create()
            .Broker(5, makerFeeBps: 10, takerFeeBps: 20)
            .Instrument("BTCUSD", "BTC", "USD")
            .User("alice", ("USD", 1_000), ("BTC", 0.5m))
            .User("bob", brokerId: null, connect: false, ("BTC", 2))
            .Book("BTCUSD", asks: [(600, 1), (601, 2)], bids: [(599, 1)])
            .StartAsync();

        var alice = scenario.UserId("alice");
        Assert.Equal(new ExchangeBalance(Amount.FromDecimal(1_000m), Amount.Zero), await scenario.Exchange.GetBalanceAsync(alice, "USD"));
        Assert.Equal(new ExchangeBalance(Amount.FromDecimal(0.5m), Amount.Zero), await scenario.Exchange.GetBalanceAsync(alice, "BTC"));
        Assert.Equal(ConnectionState.LoggedIn, scenario.Client("alice").State);
        Assert.Throws<KeyNotFoundException>(() => scenario.Client("bob")); // not connected, but it exists
        Assert.Equal(new ExchangeBalance(Amount.FromDecimal(2m), Amount.Zero), await scenario.Exchange.GetBalanceAsync(scenario.UserId("bob"), "BTC"));

        var book = await scenario.Exchange.GetBookAsync("BTCUSD");
        var maker = scenario.UserId(ScenarioBuilder.MarketMaker);
        Assert.Equal([(600m, 1m), (601m, 2m)], book.Offers.Select(o => (o.Price.ToDecimal(), o.Quantity.ToDecimal())));
        Assert.Equal([(599m, 1m)], book.Bids.Select(o => (o.Price.ToDecimal(), o.Quantity.ToDecimal())));
        Assert.All(book.Offers.Concat(book.Bids), o => Assert.Equal(maker, o.UserId));
        // The maker holds exactly what its offers lock, and its bid's cost plus the taker-fee headroom.
        Assert.Equal(new ExchangeBalance(Amount.FromDecimal(3m), Amount.FromDecimal(3m)), await scenario.Exchange.GetBalanceAsync(maker, "BTC"));
        Assert.Equal(Amount.FromDecimal(600.198m), (await scenario.Exchange.GetBalanceAsync(maker, "USD")).Total);
    }

    [Fact]
    public async Task A_book_on_an_unknown_instrument_is_refused_with_its_name()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ExchangeScenario.Create()
            .Instrument("BTCUSD", "BTC", "USD")
            .Book("ETHUSD", asks: [(10, 1)])
            .StartAsync());
        Assert.Contains("ETHUSD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_until_idle_covers_an_order_still_on_the_wire_and_the_reports_it_causes_on_another_client()
    {
        await using var scenario = await ExchangeScenario.Create()
            .Instrument("BTCUSD", "BTC", "USD")
            .User("alice", ("USD", 1_000))
            .Book("BTCUSD", asks: [(600, 1)])
            .StartAsync();
        var makerReports = new List<ExecutionReport>();
        using var subscription = scenario.Client(ScenarioBuilder.MarketMaker).ExecutionReports.Subscribe(makerReports.Add);

        // Not awaited: the order is only on its way when run-until-idle starts.
        var sending = scenario.Client("alice").SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(600m)));
        await scenario.RunUntilIdleAsync();

        Assert.True(sending.IsCompletedSuccessfully);
        Assert.Empty((await scenario.Exchange.GetBookAsync("BTCUSD")).Offers);
        // The maker's fill was published, sent, received and handed to its subscriber before idle.
        var fill = Assert.Single(makerReports, r => r.OrdStatus == OrdStatus.Filled);
        Assert.Equal(Quantity.FromDecimal(1m), fill.LastShares);
    }

    [Fact]
    public async Task Advancing_minutes_in_steps_keeps_heartbeats_answered_and_fires_timers_in_order()
    {
        await using var scenario = await ExchangeScenario.Create()
            .Instrument("BTCUSD", "BTC", "USD")
            .User("alice", ("USD", 1_000))
            .StartAsync();
        var client = scenario.Client("alice");
        var fired = new List<TimeSpan>();
        var start = scenario.Clock.GetUtcNow();
        using var early = scenario.Clock.CreateTimer(_ => fired.Add(scenario.Clock.GetUtcNow() - start), null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan);
        using var late = scenario.Clock.CreateTimer(_ => fired.Add(scenario.Clock.GetUtcNow() - start), null, TimeSpan.FromSeconds(90), Timeout.InfiniteTimeSpan);

        // Ten minutes of client heartbeats (a TestRequest every 30 s, answered within 15 s) on the manual clock.
        await scenario.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90)], fired);
        Assert.Equal(ConnectionState.LoggedIn, client.State);
        Assert.Equal(Amount.FromDecimal(1_000m), (await client.GetBalancesAsync()).Get("USD")?.Total);
    }

    [Fact]
    public async Task A_fresh_exchange_with_two_funded_users_and_a_logged_in_client_is_measured_warm()
    {
        // Warm-up: JIT, the thread pool and the protocol serializers.
        for (var i = 0; i < 3; i++)
        {
            await using var warm = await StartTwoTradersAsync();
        }
        var timings = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var scenario = await StartTwoTradersAsync();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        output.WriteLine($"fresh exchange + broker + instrument + two funded users + a logged-in client: median {timings[10]:0.00} ms, min {timings[0]:0.00} ms, max {timings[^1]:0.00} ms");
        // A safety net, not the figure (that is in docs/testing.md): a 100,000-iteration password hash alone costs more.
        Assert.True(timings[10] < 1_000, $"median {timings[10]} ms");
    }

    private static Task<ExchangeScenario> StartTwoTradersAsync() => ExchangeScenario.Create()
        .Instrument("BTCUSD", "BTC", "USD")
        .User("alice", ("USD", 1_000))
        .User("bob", brokerId: null, connect: false, ("BTC", 10))
        .StartAsync();
}
