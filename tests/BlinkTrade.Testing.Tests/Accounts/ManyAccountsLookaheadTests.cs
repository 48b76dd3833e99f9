using BlinkTrade.Testing.Matching;
using static BlinkTrade.Testing.Tests.Matching.AnnouncedCommands;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Accounts;

/// <summary>
/// With many accounts and a small book the engine's lookahead loads only account data (id table entry, balance cell, fee rates)
/// ahead of announced commands: hints, right, wrong or stale, must change no event, balance or ledger row.
/// </summary>
public class ManyAccountsLookaheadTests
{
    private const int Users = 20_000;

    [Fact]
    public void Prefetch_changes_no_event_with_many_accounts_and_a_small_book()
    {
        var plain = NewEngine();
        var told = NewEngine();
        Assert.True(told.WantsLookahead, "20,000 accounts should turn the account lookahead on");
        var random = new Random(18);
        var commands = new List<object>();
        for (var i = 0; i < 20_000; i++)
        {
            if (random.Next(100) < 35)
            {
                commands.Add(new CancelOrder { BrokerId = Broker, UserId = User(random), OrderId = random.Next(1, i + 2) });
            }
            else
            {
                var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                var tif = random.Next(10) == 0 ? TimeInForce.ImmediateOrCancel : TimeInForce.GoodTillCancel;
                commands.Add(new NewOrder
                {
                    BrokerId = Broker,
                    UserId = User(random),
                    Symbol = "BTCUSD",
                    Side = side,
                    OrderType = OrderType.Limit,
                    TimeInForce = tif,
                    Price = random.Next(9_980, 10_021) * Cent,
                    Quantity = random.Next(1, 20) * 1_000_000L,
                });
            }
        }

        var owners = new Dictionary<long, int>();
        var trades = 0;
        for (var i = 0; i < commands.Count; i++)
        {
            var ahead = i + random.Next(1, 9);
            if (ahead < commands.Count)
            {
                Tell(told, commands[ahead]);
            }

            if (random.Next(6) == 0)
            {
                // Hints for commands that never run: unknown users (sparse ids, other brokers), ids never assigned.
                Tell(told, random.Next(2) == 0
                    ? new CancelOrder { BrokerId = Broker, UserId = random.Next(), OrderId = random.Next(-5, 100_000) }
                    : new NewOrder { BrokerId = random.Next(-2, 40), UserId = random.Next(-3, 1 << 30), Symbol = "BTCUSD", Side = Side.Buy, OrderType = OrderType.Limit, Price = Cent, Quantity = 1 });
            }

            var command = commands[i];
            if (command is CancelOrder cancel && owners.TryGetValue(cancel.OrderId, out var owner))
            {
                command = cancel with { UserId = owner };
            }

            var expected = Apply(plain, command);
            Assert.Equal(expected, Apply(told, command));
            if (command is NewOrder placed)
            {
                owners[expected] = placed.UserId;
            }

            Assert.Equal(plain.Events.ExecutionReports.ToArray(), told.Events.ExecutionReports.ToArray());
            Assert.Equal(plain.Events.Trades.ToArray(), told.Events.Trades.ToArray());
            Assert.Equal(plain.Events.BalanceChanges.ToArray(), told.Events.BalanceChanges.ToArray());
            trades += plain.Events.Trades.Length;
        }

        Assert.True(told.OpenOrderCount < 16_384, "the book must stay small: only the account lookahead is under test");
        Assert.True(trades > 1_000, $"only {trades} trades");
        Assert.Equal(plain.Accounts.LedgerCount, told.Accounts.LedgerCount);
        for (var user = 1; user <= Users; user += 7)
        {
            Assert.Equal(plain.Accounts.GetBalance(Broker, user, "USD"), told.Accounts.GetBalance(Broker, user, "USD"));
            Assert.Equal(plain.Accounts.GetBalance(Broker, user, "BTC"), told.Accounts.GetBalance(Broker, user, "BTC"));
            Assert.Equal(plain.Accounts.GetLedger(Broker, user), told.Accounts.GetLedger(Broker, user));
        }
    }

    private static int User(Random random) => random.Next(1, Users + 1);

    private static MatchingEngine NewEngine()
    {
        var engine = new MatchingEngine(new EngineOptions { BookEvents = true });
        engine.AddInstrument(new InstrumentConfig("BTCUSD", "BTC", "USD", Cent, 10_000));
        for (var user = 1; user <= Users; user++)
        {
            engine.CreditDeposit(Broker, user, "BTC", 1_000 * Coin);
            engine.CreditDeposit(Broker, user, "USD", 1_000_000 * Coin);
        }

        return engine;
    }
}
