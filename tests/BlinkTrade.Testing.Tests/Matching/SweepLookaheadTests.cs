using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Matching;
using static BlinkTrade.Testing.Tests.Matching.AnnouncedCommands;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Matching;

/// <summary>
/// Inside a sweep the engine walks the opposite side ahead of its fills and prefetches the next makers' order slots and account
/// lines (<see cref="EngineOptions.SweepLookahead"/>). Those are hints: an engine with the walk and one without, fed the same
/// sweeps — across many levels, with self-trade prevention removing makers without a fill, market buys capped mid-sweep,
/// fill-or-kill checks, limits that stop mid-side, whole sides taken and stops triggered — must write the same reports, trades,
/// balance changes, ledgers and balances.
/// </summary>
public class SweepLookaheadTests
{
    /// <summary>Enough accounts for the engine to want lookahead (<see cref="AccountBook.OutgrowsCache"/>) with a small book.</summary>
    private const int Users = 5_000;

    /// <summary>Users whose resting orders the sweepers of <see cref="SweeperOf"/> trade against or into (self-trades).</summary>
    private const int Makers = 40;

    [Theory]
    [InlineData((int)SelfTradePrevention.CancelResting)]
    [InlineData((int)SelfTradePrevention.CancelIncoming)]
    [InlineData((int)SelfTradePrevention.CancelBoth)]
    [InlineData((int)SelfTradePrevention.None)]
    public void Walking_ahead_of_a_sweep_changes_no_event_balance_or_ledger_row(int selfTradePrevention)
    {
        var policy = (SelfTradePrevention)selfTradePrevention;
        var plain = NewExchange(policy, sweepLookahead: false);
        var walked = NewExchange(policy, sweepLookahead: true);
        Assert.True(walked.Engine.WantsLookahead, "5,000 accounts should turn the lookahead on");
        var random = new Random(18 + (int)policy);
        var owners = new Dictionary<long, int>();
        var open = new List<long>();
        long fills = 0, longSweeps = 0, selfTrades = 0, capped = 0;
        for (var i = 0; i < 12_000; i++)
        {
            var command = NextCommand(random, open, owners);
            var expected = Apply(plain.Engine, command);
            Assert.Equal(expected, Apply(walked.Engine, command));
            if (command is NewOrder placed)
            {
                owners[expected] = placed.UserId;
                open.Add(expected);
            }

            var reports = plain.Events.ExecutionReports.ToArray();
            Assert.Equal(reports, walked.Events.ExecutionReports.ToArray());
            Assert.Equal(plain.Events.Trades.ToArray(), walked.Events.Trades.ToArray());
            Assert.Equal(plain.Events.BalanceChanges.ToArray(), walked.Events.BalanceChanges.ToArray());
            fills += plain.Events.Trades.Length;
            longSweeps += plain.Events.Trades.Length >= 10 ? 1 : 0;
            selfTrades += reports.Count(r => r.Text == "Self-trade prevention");
            capped += reports.Count(r => r.Text == "Insufficient funds" && r.ExecType == ExecType.Canceled);
        }

        Assert.True(longSweeps > 100, $"only {longSweeps} commands with 10 fills or more");
        Assert.True(fills > 5_000, $"only {fills} fills");
        Assert.True(capped > 10, $"only {capped} market buys capped by funds");
        if (policy != SelfTradePrevention.None)
        {
            Assert.True(selfTrades > 10, $"only {selfTrades} self-trade cancels");
        }

        Assert.Equal(plain.Engine.Accounts.LedgerCount, walked.Engine.Accounts.LedgerCount);
        Assert.Equal(plain.Bids, walked.Bids);
        Assert.Equal(plain.Asks, walked.Asks);
        for (var user = 1; user <= Users; user += user < 200 ? 1 : 37)
        {
            Assert.Equal(plain.Balance(user, "USD"), walked.Balance(user, "USD"));
            Assert.Equal(plain.Balance(user, "BTC"), walked.Balance(user, "BTC"));
            Assert.Equal(plain.Engine.Accounts.GetLedger(Broker, user, pageSize: 1_000), walked.Engine.Accounts.GetLedger(Broker, user, pageSize: 1_000));
        }

        Assert.Equal(plain.Engine.Accounts.GetLedger(Broker, FeeUser, pageSize: 100_000), walked.Engine.Accounts.GetLedger(Broker, FeeUser, pageSize: 100_000));
    }

    /// <summary>Mostly resting orders of the first <see cref="Makers"/> users spread over ~60 ticks a side (a few per level), cancels,
    /// and sweeps of 1–60 levels: IOC and FOK limits, market orders (some by users short of quote), stops.</summary>
    private static object NextCommand(Random random, List<long> open, Dictionary<long, int> owners)
    {
        var roll = random.Next(100);
        if (roll < 12 && open.Count > 0)
        {
            var index = random.Next(open.Count);
            var orderId = open[index];
            open[index] = open[^1];
            open.RemoveAt(open.Count - 1);
            return new CancelOrder { BrokerId = Broker, UserId = owners[orderId], OrderId = orderId };
        }

        var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
        if (roll < 80)
        {
            var ticks = random.Next(1, 60);
            return Order(1 + random.Next(Makers), side, OrderType.Limit, TimeInForce.GoodTillCancel,
                (10_000 + (side == Side.Buy ? -ticks : ticks)) * Cent, random.Next(1, 30) * 1_000_000L);
        }

        var quantity = random.Next(1, 400) * 1_000_000L;
        var reach = random.Next(0, 60) * (side == Side.Buy ? 1 : -1);
        var user = SweeperOf(random);
        return roll switch
        {
            < 86 => Order(user, side, OrderType.Limit, TimeInForce.ImmediateOrCancel, (10_000 + reach) * Cent, quantity),
            < 91 => Order(user, side, OrderType.Limit, TimeInForce.FillOrKill, (10_000 + reach) * Cent, quantity),
            < 98 => Order(user, side, OrderType.Market, TimeInForce.ImmediateOrCancel, 0, quantity),
            _ => new NewOrder
            {
                BrokerId = Broker, UserId = user, Symbol = Symbol, Side = side, OrderType = OrderType.Stop, Quantity = quantity,
                StopPx = (10_000 + (side == Side.Buy ? random.Next(1, 30) : -random.Next(1, 30))) * Cent,
            },
        };
    }

    /// <summary>A sweeper: one of the makers a third of the time (its own resting orders meet it: self-trade prevention), one of the
    /// first 100 users short of quote a third (its market buys are capped mid-sweep), or any user.</summary>
    private static int SweeperOf(Random random) => random.Next(3) switch
    {
        0 => 1 + random.Next(Makers),
        1 => Makers + 1 + random.Next(100),
        _ => 1 + random.Next(Users),
    };

    private static NewOrder Order(int user, Side side, OrderType type, TimeInForce tif, long price, long quantity) =>
        new() { BrokerId = Broker, UserId = user, Symbol = Symbol, Side = side, OrderType = type, TimeInForce = tif, Price = price, Quantity = quantity };

    private static TestExchange NewExchange(SelfTradePrevention policy, bool sweepLookahead)
    {
        var x = new TestExchange(policy, new FeeRates { MakerBuyBps = 5, MakerSellBps = 7, TakerBuyBps = 20, TakerSellBps = 25 },
            new EngineOptions { SweepLookahead = sweepLookahead, TradeCapacity = 1 << 16 });
        for (var user = 1; user <= Users; user++)
        {
            var shortOfQuote = user > Makers && user <= Makers + 100;
            x.Fund(user, btc: 1_000 * Coin, usd: shortOfQuote ? 100 * Coin : 10_000_000 * Coin);
        }

        return x;
    }
}
