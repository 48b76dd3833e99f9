using BlinkTrade.Testing.Matching;
using BlinkTrade.Testing.Matching.Replay;
using static BlinkTrade.Testing.Tests.Matching.AnnouncedCommands;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Matching;

/// <summary>
/// <see cref="MatchingEngine.Prefetch(in CancelOrder)"/> and <see cref="MatchingEngine.Prefetch(in NewOrder)"/> issue hints only:
/// an engine told about commands ahead (the right ones, wrong ones, stale ones) must produce exactly the events of one that is not.
/// The book is deep enough (over 16,384 open orders) for the engine to act on the hints.
/// </summary>
[Collection(DeepBookCollection.Name)]
public class LookaheadTests
{
    private const int Users = 400;
    private const int Preload = 32_000;
    private static readonly string[] Symbols = ["BTCUSD", "ETHUSD"];

    [Theory]
    [InlineData(nameof(SelfTradePrevention.None), 1)]
    [InlineData(nameof(SelfTradePrevention.CancelResting), 2)]
    [InlineData(nameof(SelfTradePrevention.CancelBoth), 3)]
    public void Prefetch_changes_no_event_in_a_deep_book(string policyName, int seed)
    {
        var policy = Enum.Parse<SelfTradePrevention>(policyName); // a name: the engine's enum is internal
        var plain = NewEngine(policy);
        var told = NewEngine(policy);
        var random = new Random(seed);
        var commands = new List<object>();
        for (var i = 0; i < Preload; i++)
        {
            // Bids 90.00–99.99, asks 100.01–110.00: nothing crosses while the book fills.
            var side = i % 2 == 0 ? Side.Buy : Side.Sell;
            var ticks = side == Side.Buy ? random.Next(9_000, 10_000) : random.Next(10_001, 11_001);
            commands.Add(Order(random, side, OrderType.Limit, TimeInForce.GoodTillCancel, ticks));
        }

        for (var i = 0; i < 30_000; i++)
        {
            var roll = random.Next(100);
            if (roll < 55)
            {
                // Mostly cancels of orders placed earlier (some already gone), some of ids never assigned, some of the wrong user.
                var id = random.Next(10) == 0 ? random.Next(1, 200_000) : random.Next(1, Preload + i + 1);
                commands.Add(new CancelOrder { BrokerId = Broker, UserId = random.Next(1, Users + 1), OrderId = id });
            }
            else
            {
                var type = roll < 97 ? OrderType.Limit : OrderType.Market;
                var tif = roll < 90 ? TimeInForce.GoodTillCancel : TimeInForce.ImmediateOrCancel;
                var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                commands.Add(Order(random, side, type, tif, random.Next(9_500, 10_501)));
            }
        }

        // Cancels are checked against the owner, so most are sent as the user that placed the order (known once it ran).
        var owners = new Dictionary<long, int>();
        var cancels = 0;
        var reports = 0;
        for (var i = 0; i < commands.Count; i++)
        {
            if (i >= Preload)
            {
                // The told engine hears about a command 1–8 ahead, sometimes twice, sometimes about one that never runs.
                var ahead = i + random.Next(1, 9);
                if (ahead < commands.Count)
                {
                    Tell(told, commands[ahead]);
                }

                if (random.Next(8) == 0)
                {
                    Tell(told, random.Next(2) == 0
                        ? new CancelOrder { BrokerId = Broker, UserId = random.Next(1, Users + 3), OrderId = random.Next(-5, 400_000) }
                        : Order(random, random.Next(2) == 0 ? Side.Buy : Side.Sell, OrderType.Limit, TimeInForce.GoodTillCancel, random.Next(1, 20_000)));
                }
            }

            var command = commands[i];
            if (command is CancelOrder cancel)
            {
                var owner = owners.TryGetValue(cancel.OrderId, out var user) && random.Next(10) != 0 ? user : cancel.UserId;
                command = cancel with { UserId = owner };
            }

            var expected = Apply(plain, command);
            var actual = Apply(told, command);
            Assert.Equal(expected, actual);
            if (command is NewOrder placed)
            {
                owners[expected] = placed.UserId;
            }

            Assert.Equal(plain.Events.ExecutionReports.ToArray(), told.Events.ExecutionReports.ToArray());
            Assert.Equal(plain.Events.Trades.ToArray(), told.Events.Trades.ToArray());
            Assert.Equal(plain.Events.BalanceChanges.ToArray(), told.Events.BalanceChanges.ToArray());
            Assert.Equal(plain.Events.BookEvents.ToArray(), told.Events.BookEvents.ToArray());
            cancels += command is CancelOrder && expected == (long)CancelResult.Canceled ? 1 : 0;
            reports += plain.Events.ExecutionReports.Length;
        }

        Assert.True(told.OpenOrderCount >= 16_384, $"only {told.OpenOrderCount} open orders: too few for the engine to prefetch");
        Assert.True(cancels > 5_000, $"only {cancels} cancels");
        Assert.Equal(plain.OpenOrderCount, told.OpenOrderCount);
        foreach (var symbol in Symbols)
        {
            Assert.Equal(plain.GetBook(symbol, Side.Buy), told.GetBook(symbol, Side.Buy));
            Assert.Equal(plain.GetBook(symbol, Side.Sell), told.GetBook(symbol, Side.Sell));
        }

        for (var user = 1; user <= Users; user++)
        {
            Assert.Equal(plain.Accounts.GetBalance(Broker, user, "USD"), told.Accounts.GetBalance(Broker, user, "USD"));
            Assert.Equal(plain.Accounts.GetBalance(Broker, user, "BTC"), told.Accounts.GetBalance(Broker, user, "BTC"));
        }
    }

    [Theory]
    [InlineData("W2-small")]
    [InlineData("W3-small")]
    public void Replay_digest_does_not_depend_on_the_lookahead(string name)
    {
        var stream = CommandStream.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "bench", name + ".txt"));
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "bench", name + ".digest")).TrimEnd('\n');
        foreach (var lookahead in new[] { 0, 1, 3, 8 })
        {
            var replayer = new StreamReplayer(stream) { Lookahead = lookahead };
            replayer.Run(0, stream.Commands.Length);
            Assert.Equal(expected, replayer.Digest());
        }
    }

    private static MatchingEngine NewEngine(SelfTradePrevention policy)
    {
        var engine = new MatchingEngine(new EngineOptions { SelfTradePrevention = policy, BookEvents = true, OrderCapacity = 1024 });
        engine.AddInstrument(new InstrumentConfig("BTCUSD", "BTC", "USD", Cent, 10_000));
        engine.AddInstrument(new InstrumentConfig("ETHUSD", "ETH", "USD", Cent, 10_000));
        for (var user = 1; user <= Users; user++)
        {
            engine.CreditDeposit(Broker, user, "BTC", 1_000_000 * Coin);
            engine.CreditDeposit(Broker, user, "ETH", 1_000_000 * Coin);
            engine.CreditDeposit(Broker, user, "USD", 1_000_000_000 * Coin);
        }

        return engine;
    }

    private static NewOrder Order(Random random, Side side, OrderType type, TimeInForce tif, int ticks) => new()
    {
        BrokerId = Broker,
        UserId = random.Next(1, Users + 1),
        ClOrdId = random.Next(4) == 0 ? "c" + random.Next(1_000_000) : null,
        Symbol = Symbols[random.Next(100) < 85 ? 0 : 1],
        Side = side,
        OrderType = type,
        TimeInForce = tif,
        Price = type == OrderType.Market ? 0 : ticks * Cent,
        Quantity = random.Next(1, 50) * 1_000_000L,
    };
}
