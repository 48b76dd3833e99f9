using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Matching;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Matching;

/// <summary>
/// Seeded random command streams (orders of every type, cancels, cancel-alls, deposits, withdrawals, invalid orders)
/// over two instruments, with every invariant of <see cref="EngineInvariantChecker"/> checked after every command.
/// 4 policies × 25,000 commands = 100,000 commands per run.
/// </summary>
public class RandomCommandPropertyTests
{
    private const int Users = 6;
    private static readonly string[] Symbols = ["BTCUSD", "ETHUSD"];

    [Theory]
    [InlineData(nameof(SelfTradePrevention.CancelResting), 1)]
    [InlineData(nameof(SelfTradePrevention.CancelIncoming), 2)]
    [InlineData(nameof(SelfTradePrevention.CancelBoth), 3)]
    [InlineData(nameof(SelfTradePrevention.None), 4)]
    public void Invariants_hold_after_every_random_command(string policyName, int seed)
    {
        var policy = Enum.Parse<SelfTradePrevention>(policyName); // a name: the engine's enum is internal
        var summary = Run(policy, seed, commands: 25_000);

        // The stream must actually exercise the engine, or the invariants prove little.
        Assert.True(summary.Trades > 2_000, $"only {summary.Trades} trades");
        Assert.True(summary.Rejects > 100, $"only {summary.Rejects} rejects");
        Assert.True(summary.Cancels > 1_000, $"only {summary.Cancels} cancels");
        Assert.True(summary.Reports > 30_000, $"only {summary.Reports} reports");
    }

    internal static (long Trades, long Rejects, long Cancels, long Reports) Run(SelfTradePrevention policy, int seed, int commands)
    {
        var random = new Random(seed);
        var engine = new MatchingEngine(new EngineOptions { SelfTradePrevention = policy, OrderCapacity = 16 });
        engine.AddInstrument(new InstrumentConfig("BTCUSD", "BTC", "USD", Cent, 10_000));
        engine.AddInstrument(new InstrumentConfig("ETHUSD", "ETH", "USD", Cent, 10_000));
        engine.Accounts.RegisterBroker(new BrokerConfig(Broker, FeeUser, new FeeRates { MakerBuyBps = 10, MakerSellBps = 15, TakerBuyBps = 40, TakerSellBps = 60 }));
        engine.Accounts.SetUserFees(Broker, 3, FeeRates.Flat(0));
        for (var user = 1; user <= Users; user++)
        {
            engine.CreditDeposit(Broker, user, "BTC", 40 * Coin);
            engine.CreditDeposit(Broker, user, "ETH", 40 * Coin);
            engine.CreditDeposit(Broker, user, "USD", 6_000 * Coin);
        }

        var checker = new EngineInvariantChecker(engine);
        long trades = 0, rejects = 0, cancels = 0, clOrdCounter = 0, withdrawId = 0;
        for (var i = 0; i < commands; i++)
        {
            var user = random.Next(1, Users + 1);
            var roll = random.Next(100);
            if (roll < 55)
            {
                engine.PlaceOrder(RandomOrder(random, user, ref clOrdCounter));
            }
            else if (roll < 80)
            {
                var open = engine.GetOpenOrders(Broker, user);
                if (open.Count > 0)
                {
                    var target = open[random.Next(open.Count)];
                    var command = random.Next(3) == 0 && target.ClOrdId is not null
                        ? new CancelOrder { BrokerId = Broker, UserId = user, OrigClOrdId = target.ClOrdId }
                        : new CancelOrder { BrokerId = Broker, UserId = user, OrderId = target.OrderId };
                    Assert.Equal(CancelResult.Canceled, engine.CancelOrder(command));
                    Assert.Equal(target.OrderId, Assert.Single(engine.Events.ExecutionReports.ToArray()).OrderId);
                }
                else
                {
                    Assert.Equal(CancelResult.UnknownOrder, engine.CancelOrder(new CancelOrder { BrokerId = Broker, UserId = user, OrderId = random.Next(1, 1_000_000) + 10_000_000L }));
                }
            }
            else if (roll < 82)
            {
                var side = random.Next(3) switch { 0 => Side.Buy, 1 => Side.Sell, _ => (Side?)null };
                var symbol = random.Next(2) == 0 ? null : Symbols[random.Next(2)];
                var expected = engine.GetOpenOrders(Broker, user).Count(o => (side is null || o.Side == side) && (symbol is null || o.Symbol == symbol));
                Assert.Equal(expected, engine.CancelAllOrders(new CancelAllOrders { BrokerId = Broker, UserId = user, Side = side, Symbol = symbol }));
            }
            else if (roll < 86)
            {
                var currency = random.Next(3) switch { 0 => "BTC", 1 => "ETH", _ => "USD" };
                var amount = random.Next(1, 500) * (long)Cent * 10;
                var fee = random.Next(2) == 0 ? 0 : amount / 100;
                engine.CreditDeposit(Broker, user, currency, amount, fee, depositId: i);
                checker.ExpectCirculationChange(currency, amount);
            }
            else if (roll < 90)
            {
                var pending = engine.Accounts.PendingWithdrawals.ToList();
                if (pending.Count > 0 && random.Next(2) == 0)
                {
                    var withdrawal = pending[random.Next(pending.Count)];
                    if (random.Next(2) == 0)
                    {
                        Assert.True(engine.CompleteWithdrawal(withdrawal.WithdrawId));
                        checker.ExpectCirculationChange(withdrawal.Currency, -withdrawal.Amount);
                    }
                    else
                    {
                        Assert.True(engine.CancelWithdrawal(withdrawal.WithdrawId));
                    }
                }
                else
                {
                    var currency = random.Next(2) == 0 ? "BTC" : "USD";
                    var available = engine.Accounts.GetBalance(Broker, user, currency).Available;
                    var amount = random.Next(1, 1_000) * (long)Cent;
                    Assert.Equal(available >= amount + 1_000, engine.RequestWithdrawal(++withdrawId, Broker, user, currency, amount, fee: 1_000));
                }
            }
            else
            {
                engine.PlaceOrder(InvalidOrder(random, user));
            }

            trades += engine.Events.Trades.Length;
            foreach (ref readonly var report in engine.Events.ExecutionReports)
            {
                if (report.ExecType == ExecType.Rejected)
                {
                    rejects++;
                }
                else if (report.ExecType == ExecType.Canceled)
                {
                    cancels++;
                }
            }

            checker.AfterCommand();
        }

        return (trades, rejects, cancels, checker.ReportsChecked);
    }

    private static NewOrder RandomOrder(Random random, int user, ref long clOrdCounter)
    {
        var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
        var type = random.Next(100) switch
        {
            < 78 => OrderType.Limit,
            < 88 => OrderType.Market,
            < 94 => OrderType.Stop,
            _ => OrderType.StopLimit,
        };
        var tif = random.Next(100) switch
        {
            < 70 => TimeInForce.GoodTillCancel,
            < 80 => TimeInForce.Day,
            < 90 => TimeInForce.ImmediateOrCancel,
            _ => TimeInForce.FillOrKill,
        };

        // Prices cluster around 100.00 so that orders cross often; quantities are mostly round, sometimes odd satoshis (flooring).
        var price = (10_000 + random.Next(-150, 151)) * Cent;
        var quantity = random.Next(4) == 0 ? random.Next(10_000, 300_000_000) : random.Next(1, 300) * 1_000_000L;
        var clOrdId = random.Next(4) == 0 ? null : "c" + (random.Next(10) == 0 ? clOrdCounter - random.Next(5) : ++clOrdCounter);
        return new NewOrder
        {
            BrokerId = Broker,
            UserId = user,
            ClOrdId = clOrdId,
            Symbol = Symbols[random.Next(100) < 80 ? 0 : 1],
            Side = side,
            OrderType = type,
            Price = price,
            StopPx = (10_000 + random.Next(-100, 101)) * Cent,
            Quantity = quantity,
            TimeInForce = tif,
            PostOnly = type == OrderType.Limit && random.Next(10) == 0,
            Timestamp = clOrdCounter,
        };
    }

    private static NewOrder InvalidOrder(Random random, int user) => new()
    {
        BrokerId = Broker,
        UserId = user,
        Symbol = random.Next(5) == 0 ? "XXXYYY" : "BTCUSD",
        Side = Side.Buy,
        OrderType = OrderType.Limit,
        Price = random.Next(3) switch { 0 => 0, 1 => (100 * Coin) + random.Next(1, 1000), _ => 100 * Coin },
        Quantity = random.Next(2) == 0 ? random.Next(-5, 10_000) : Coin,
    };
}
