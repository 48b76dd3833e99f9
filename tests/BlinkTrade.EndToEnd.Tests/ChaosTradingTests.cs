using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>
/// Issue 11: a maker and a taker trade through a fault layer that resets each one's connection every 0.5–3 s
/// (refusing reconnects for up to 1.5 s after some resets, or stalling the connection first) for 30 s of simulated
/// trading. Everything runs on one <see cref="FakeTimeProvider"/> advanced 50 ms per step (exchange, clients, fault
/// schedule), so 30 simulated seconds take a few wall seconds. Afterwards, read from fresh connections: for every
/// order the LastShares each client saw add up to its CumQty, no ExecID was seen twice, the fills add up to the
/// exchange's trades, and balances equal deposits ± trades ± fees.
/// </summary>
/// <remarks>
/// The bots pace themselves to one request per 150–350 ms simulated each; the exchange's rate limit is off
/// (<see cref="E2EHarness"/>'s default); <see cref="FrozenPathPacingTests"/> and the pacing tests check the client's
/// pacing against the limit. A soak: <c>BLINKTRADE_CHAOS_SECONDS=600
/// BLINKTRADE_CHAOS_SEED=7 dotnet test tests/BlinkTrade.EndToEnd.Tests --filter ChaosTradingTests</c>.
/// </remarks>
public sealed class ChaosTradingTests(ITestOutputHelper output)
{
    private const long Coin = 1_0000_0000;
    private const long Deposit = 1_000_000 * Coin;
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    [Theory]
    [InlineData(TransportKind.InMemory, 1101)]
    [InlineData(TransportKind.WebSocket, 1102)]
    public async Task Fills_reach_the_application_exactly_once_while_connections_reset_every_few_seconds(TransportKind kind, int defaultSeed)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("BLINKTRADE_CHAOS_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : defaultSeed;
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("BLINKTRADE_CHAOS_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d : 30;
        output.WriteLine($"chaos: {kind}, seed {seed}, {seconds} s simulated (BLINKTRADE_CHAOS_SEED / BLINKTRADE_CHAOS_SECONDS override)");
        try
        {
            await RunAsync(kind, seed, TimeSpan.FromSeconds(seconds));
        }
        catch (Exception e)
        {
            // The seed picks the fault schedule and the orders; thread timing still varies from run to run.
            throw new Xunit.Sdk.XunitException($"Chaos run failed: {kind}, seed {seed} (BLINKTRADE_CHAOS_SEED={seed} replays its schedule): {e.Message}", e);
        }
    }

    private async Task RunAsync(TransportKind kind, int seed, TimeSpan tradingTime)
    {
        using var cts = Wait.Budget(60 + (int)tradingTime.TotalSeconds);
        var ct = cts.Token;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await using var h = await E2EHarness.StartAsync(kind, ct, configure: o => o with { TimeProvider = clock });
        var makerId = await h.CreateUserAsync("maker", usd: Deposit, btc: Deposit, cancellationToken: ct);
        var takerId = await h.CreateUserAsync("taker", usd: Deposit, btc: Deposit, cancellationToken: ct);
        var random = new Random(seed);
        var watch = Stopwatch.StartNew();

        var maker = new Trader(h, "maker", clock, ct);
        var taker = new Trader(h, "taker", clock, ct);
        await maker.StartAsync(ct);
        await taker.StartAsync(ct);
        Trader[] traders = [maker, taker];
        var nextFault = traders.Select(_ => clock.GetUtcNow() + Between(random, 500, 3000)).ToArray();
        var stallEnds = new DateTimeOffset?[traders.Length];
        var resetAfterStall = new bool[traders.Length];

        // The chaos: each step advances every clock by 50 ms, injects the faults that are due and lets each bot place
        // its next order when the previous one is done and its pause is over.
        var end = clock.GetUtcNow() + tradingTime;
        while (clock.GetUtcNow() < end)
        {
            clock.Advance(Step);
            var now = clock.GetUtcNow();
            for (var i = 0; i < traders.Length; i++)
            {
                var chaos = traders[i].Chaos;
                if (stallEnds[i] is { } stallEnd && now >= stallEnd)
                {
                    stallEnds[i] = null;
                    if (resetAfterStall[i])
                    {
                        chaos.Reset(random.Next(2) == 0 ? TimeSpan.Zero : Between(random, 100, 1500));
                    }
                    else
                    {
                        chaos.Calm();
                    }
                }
                if (now < nextFault[i])
                {
                    continue;
                }
                nextFault[i] = now + Between(random, 500, 3000);
                if (random.Next(4) == 0 && stallEnds[i] is null && chaos.Stall())
                {
                    stallEnds[i] = now + Between(random, 200, 1500);
                    resetAfterStall[i] = random.Next(2) == 0;
                }
                else
                {
                    chaos.Reset(random.Next(2) == 0 ? TimeSpan.Zero : Between(random, 100, 1500));
                }
            }
            maker.Step(now, random, (t, r) => MakerOrderAsync(t, r));
            taker.Step(now, random, (t, r) => TakerOrderAsync(t, r));
            // Let the exchange and the clients catch up with the clock before it moves again: wait (a bounded wall
            // time, as a request may be waiting on the clock itself) until each bot's request is answered and its
            // client is connected and logged in — or reconnecting is being refused.
            var settleBy = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 40);
            do
            {
                await Task.Delay(1, ct);
            }
            while (!traders.All(t => t.IsSettled) && Stopwatch.GetTimestamp() < settleBy);
        }
        var chaosWall = watch.Elapsed;

        // Calm: no more faults; the clients reconnect, reconcile and settle.
        foreach (var trader in traders)
        {
            trader.Chaos.Calm();
        }
        try
        {
            await Task.WhenAll(maker.InFlight, taker.InFlight).WaitAsync(TimeSpan.FromSeconds(20), ct);
        }
        catch (TimeoutException)
        {
            // A request waiting on the clock (e.g. its timeout) ends while the clock moves below.
        }
        await AdvanceUntilAsync(clock, () => traders.All(t => t.Client.State == ConnectionState.LoggedIn), "both traders logged in again", ct);
        foreach (var trader in traders)
        {
            // A round trip on the current connection: every report the exchange sent before it has been handled.
            await AdvanceUntilAsync(clock, async () =>
            {
                try
                {
                    await trader.Client.PingAsync(ct);
                    return trader.Client.State == ConnectionState.LoggedIn;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return false;
                }
            }, trader.Name + " answers a ping", ct);
        }

        // The truth, from fresh connections that never saw a fault.
        var audit = new Dictionary<string, Dictionary<long, OrderListEntry>>();
        foreach (var trader in traders)
        {
            var auditor = h.Client(trader.Name, configure: o => o.TimeProvider = clock);
            await auditor.ConnectAsync(ct);
            var orders = new Dictionary<long, OrderListEntry>();
            await foreach (var row in auditor.GetOrdersAsync(cancellationToken: ct))
            {
                orders[row.OrderID!.Value] = row;
            }
            audit[trader.Name] = orders;
            await auditor.DisposeAsync();
        }
        var tradesAuditor = h.Client("maker", configure: o => o.TimeProvider = clock);
        await tradesAuditor.ConnectAsync(ct);
        var trades = new List<TradeHistoryEntry>();
        await foreach (var trade in tradesAuditor.GetTradeHistoryAsync(cancellationToken: ct))
        {
            trades.Add(trade);
        }
        var freshBalances = await tradesAuditor.GetBalancesAsync(ct);

        // Per order: Σ LastShares seen == CumQty at the exchange (waiting for reports still on their way to the
        // recorders), and the fills agree.
        foreach (var trader in traders)
        {
            var truth = audit[trader.Name];
            string Mismatches()
            {
                var sums = trader.Reports.Items.GroupBy(r => r.OrderID).ToDictionary(g => g.Key, g => g.Sum(r => r.LastShares.Satoshis));
                return string.Join("\n", truth.Values.Where(t => sums.GetValueOrDefault(t.OrderID!.Value) != t.CumQty.Satoshis).Take(5).Select(t =>
                    $"order {t.OrderID} {t.OrdStatus} CumQty {t.CumQty}: saw Σ {new Quantity(sums.GetValueOrDefault(t.OrderID!.Value))} in "
                    + string.Join(" | ", trader.Reports.Items.Where(r => r.OrderID == t.OrderID).Select(r => $"{r.ExecID}{(r.IsSynthesized ? "*" : "")}:{r.ExecType}:{r.LastShares}@{r.LastPx}:cum {r.CumQty}"))));
            }
            try
            {
                await AdvanceUntilAsync(clock, () => Mismatches().Length == 0, trader.Name + ": Σ LastShares == CumQty for every order", ct);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"{trader.Name}: Σ LastShares != CumQty:\n{Mismatches()}");
            }
            Assert.All(trader.Reports.Items.Where(r => r.OrderID != 0), r => Assert.True(truth.ContainsKey(r.OrderID), $"{trader.Name}: order {r.OrderID} of a report exists at the exchange"));
            var execIds = trader.Reports.Items.Where(r => !r.IsSynthesized).Select(r => r.ExecID).ToList();
            Assert.True(execIds.Count == execIds.Distinct().Count(), $"{trader.Name}: ExecIDs seen twice: {string.Join(",", execIds.GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key).Take(10))}");
            Assert.All(trader.Reports.Items.Where(r => r.IsSynthesized), r => Assert.Equal(0, r.ExecID));
            await Wait.Eventually(() => trader.Fills.Items.Sum(f => f.Quantity.Satoshis) == trader.Reports.Items.Sum(r => r.LastShares.Satoshis), what: trader.Name + ": Σ fills == Σ LastShares");
            var fillsByOrder = trader.Fills.Items.GroupBy(f => f.OrderID).ToDictionary(g => g.Key, g => g.Sum(f => f.Quantity.Satoshis));
            Assert.All(truth.Values, t => Assert.Equal(t.CumQty.Satoshis, fillsByOrder.GetValueOrDefault(t.OrderID!.Value)));
        }

        // Σ fills == the exchange's trades, per user, and balances == deposits ± trades ± fees.
        var expected = ExpectedBalances(trades, makerId, takerId);
        foreach (var (trader, userId) in new[] { (maker, makerId), (taker, takerId) })
        {
            var traded = trades.Where(t => t.Buyer == userId || t.Seller == userId).Sum(t => t.Size.Satoshis);
            Assert.Equal(traded, trader.Fills.Items.Sum(f => f.Quantity.Satoshis));
            foreach (var currency in new[] { "USD", "BTC" })
            {
                var exchangeBalance = await h.Exchange.GetBalanceAsync(userId, currency, ct);
                Assert.True(expected[(userId, currency)] == exchangeBalance.Total.Satoshis, $"{trader.Name} {currency}: deposits ± trades ± fees = {expected[(userId, currency)]}, exchange {exchangeBalance.Total.Satoshis}");
            }
            await BalanceAssert.ConvergesAsync(h.Exchange, userId, () => trader.Balances.Last, ct, "USD", "BTC");
        }
        Assert.Equal(expected[(makerId, "USD")], freshBalances.Get("USD")?.Total?.Satoshis);
        Assert.Equal(expected[(makerId, "BTC")], freshBalances.Get("BTC")?.Total?.Satoshis);

        // The run did what it claims: resets on both sides, fills during gaps, recoveries published.
        var synthesizedFills = traders.Sum(t => t.Fills.Items.Count(f => f.IsSynthesized));
        var summary = $"{kind} seed {seed}: {tradingTime.TotalSeconds:F0} s simulated in {chaosWall.TotalSeconds:F1} s wall; "
            + string.Join("; ", traders.Select(t => $"{t.Name} {t.Chaos.Resets} resets, {t.Chaos.Stalls} stalls, {t.Chaos.Refused} refused connects, {t.Recoveries.Count} recoveries, "
                + $"{t.Sent} orders sent ({t.Failed} failed), {t.Fills.Count} fills ({t.Fills.Items.Count(f => f.IsSynthesized)} synthesized)"))
            + $"; {trades.Count} trades";
        output.WriteLine(summary);
        foreach (var trader in traders)
        {
            output.WriteLine($"{trader.Name} states: " + string.Join("; ", trader.States.Items.Take(30).Select(x => $"{x.Timestamp:ss.fff} {x.State} {x.Reason}")));
            output.WriteLine($"{trader.Name} failures: " + string.Join("; ", trader.Failures.GroupBy(e => e.GetType().Name + ": " + e.Message).Select(g => $"{g.Count()}× {g.Key}")));
        }
        Assert.True(traders.All(t => t.Chaos.Resets >= tradingTime.TotalSeconds / 6), summary);
        Assert.True(traders.All(t => t.Recoveries.Count > 0 && t.Recoveries.Items.All(r => r.Downtime >= TimeSpan.Zero)), summary);
        Assert.True(trades.Count >= 20, summary);
        Assert.True(synthesizedFills > 0, "no fill fell into a gap: " + summary);
    }

    // The maker rests post-only orders away from the middle (bids 590–599, offers 601–610) and cancels some.
    private static async Task MakerOrderAsync(Trader maker, Random random)
    {
        var open = maker.Client.Orders.Open;
        if (open.Count > 0 && random.Next(5) == 0)
        {
            await maker.Client.CancelOrderAsync(open.ElementAt(random.Next(open.Count)).OrderID, maker.Token);
            return;
        }
        var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
        var price = side == Side.Buy ? 590 + random.Next(10) : 601 + random.Next(10);
        var quantity = Quantity.FromSatoshis(random.Next(1, 51) * 1_000_000L);
        await maker.Client.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, side, quantity, Price.FromSatoshis(price * Coin)) with { PostOnly = true }, maker.Token);
    }

    // The taker crosses the whole resting range with immediate-or-cancel orders.
    private static async Task TakerOrderAsync(Trader taker, Random random)
    {
        var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
        var quantity = Quantity.FromSatoshis(random.Next(1, 31) * 1_000_000L);
        var price = Price.FromSatoshis((side == Side.Buy ? 612 : 588) * Coin);
        await taker.Client.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, side, quantity, price) with { TimeInForce = TimeInForce.ImmediateOrCancel }, taker.Token);
    }

    // Deposits ± trades ± fees (PROTOCOL.md §3.7: the buyer pays its fee in the base currency, the seller in the quote;
    // the aggressor pays the taker rate).
    private static Dictionary<(int, string), long> ExpectedBalances(IEnumerable<TradeHistoryEntry> trades, params int[] users)
    {
        var balances = users.SelectMany(u => new[] { ((u, "USD"), Deposit), ((u, "BTC"), Deposit) }).ToDictionary(x => x.Item1, x => x.Deposit);
        foreach (var trade in trades)
        {
            var buyer = (int)trade.Buyer!.Value;
            var seller = (int)trade.Seller!.Value;
            var quantity = trade.Size.Satoshis;
            var notional = trade.Size.NotionalAt(trade.Price).Satoshis;
            var buyerBps = trade.Side == Side.Buy ? E2EHarness.TakerBps : E2EHarness.MakerBps;
            var sellerBps = trade.Side == Side.Sell ? E2EHarness.TakerBps : E2EHarness.MakerBps;
            balances[(buyer, "USD")] -= notional;
            balances[(buyer, "BTC")] += quantity - (long)((Int128)quantity * buyerBps / 10_000);
            balances[(seller, "BTC")] -= quantity;
            balances[(seller, "USD")] += notional - (long)((Int128)notional * sellerBps / 10_000);
        }
        return balances;
    }

    private static TimeSpan Between(Random random, int minMs, int maxMs) => TimeSpan.FromMilliseconds(random.Next(minMs, maxMs + 1));

    // Polls a condition while moving the shared clock, so reconnect back-offs and timers keep running.
    private static Task AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> condition, string what, CancellationToken ct)
        => AdvanceUntilAsync(clock, () => Task.FromResult(condition()), what, ct);

    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<Task<bool>> condition, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Not reached within 20 s: " + what);
            }
            clock.Advance(Step);
            await Task.Delay(5, ct);
        }
    }

    /// <summary>One bot: a client behind a <see cref="ChaosTransport"/>, its recorded streams and its pacing.</summary>
    private sealed class Trader
    {
        private readonly ConcurrentQueue<Exception> _failures = new();
        private DateTimeOffset _nextOrderAt;
        private int _sent;

        public Trader(E2EHarness harness, string name, FakeTimeProvider clock, CancellationToken token)
        {
            Name = name;
            Token = token;
            Chaos = new ChaosTransport(harness.Options(null).Transport!, clock);
            Client = harness.Client(name, configure: o =>
            {
                o.TimeProvider = clock;
                o.Transport = Chaos;
            });
            Client.ExecutionReports.Subscribe(Reports);
            Client.Fills.Subscribe(Fills);
            Client.Recoveries.Subscribe(Recoveries);
            Client.Balances.Subscribe(Balances);
            Client.ConnectionStates.Subscribe(States);
        }

        public Recorder<ConnectionStateChange> States { get; } = new();

        public string Name { get; }

        public CancellationToken Token { get; }

        public ChaosTransport Chaos { get; }

        public BlinkTradeClient Client { get; }

        public Recorder<ExecutionReport> Reports { get; } = new();

        public Recorder<Fill> Fills { get; } = new();

        public Recorder<SessionRecovery> Recoveries { get; } = new();

        public Recorder<Client.Account.BalanceSnapshot> Balances { get; } = new();

        public Task InFlight { get; private set; } = Task.CompletedTask;

        public int Sent => Volatile.Read(ref _sent);

        /// <summary>No request in flight, and the session is up (logged in on an open connection) or cannot be yet.</summary>
        public bool IsSettled => InFlight.IsCompleted && (Chaos.IsRefusing || (Chaos.IsConnected && Client.State == ConnectionState.LoggedIn));

        public int Failed => _failures.Count;

        public IEnumerable<Exception> Failures => _failures;

        public async Task StartAsync(CancellationToken ct)
        {
            await Client.ConnectAsync(ct);
            await Client.GetBalancesAsync(ct); // the balances view is refreshed after every reconnect from now on
        }

        /// <summary>Starts the next request when the previous one is done and the pause after it is over.</summary>
        public void Step(DateTimeOffset now, Random random, Func<Trader, Random, Task> next)
        {
            if (!InFlight.IsCompleted || now < _nextOrderAt)
            {
                return;
            }
            _nextOrderAt = now + Between(random, 150, 350);
            Interlocked.Increment(ref _sent);
            InFlight = RunAsync(next(this, new Random(random.Next())));
        }

        private async Task RunAsync(Task request)
        {
            try
            {
                await request;
            }
            catch (Exception e) when (!Token.IsCancellationRequested)
            {
                // Requests in flight when the connection resets fail (connection closed, timeout, a cancel of an
                // order that filled meanwhile): expected under chaos, and the invariants must hold regardless.
                _failures.Enqueue(e);
            }
        }
    }
}
