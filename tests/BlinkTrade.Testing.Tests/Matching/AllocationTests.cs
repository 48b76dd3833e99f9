using BlinkTrade.Testing.Matching;
using static BlinkTrade.Testing.Tests.Matching.TestExchange;

namespace BlinkTrade.Testing.Tests.Matching;

public class AllocationTests
{
    [Fact]
    public void Steady_state_commands_allocate_nothing()
    {
        var x = new TestExchange(SelfTradePrevention.None, options: new EngineOptions { LedgerCapacity = 1_000_000, TradeCapacity = 200_000 });
        for (var user = 1; user <= 4; user++)
        {
            x.Fund(user, btc: 1_000_000 * Coin, usd: 1_000_000_000 * Coin);
        }

        var random = new Random(5);
        var resting = new Queue<(int User, long Id)>();
        void Round()
        {
            var user = random.Next(1, 5);
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var price = (side == Side.Buy ? 99 - random.Next(5) : 101 + random.Next(5)) * Coin;
            resting.Enqueue((user, x.Limit(user, side, Coin, price)));
            if (resting.Count > 50)
            {
                var (owner, id) = resting.Dequeue();
                x.Cancel(owner, id);
            }

            if (random.Next(10) == 0)
            {
                x.Limit(random.Next(1, 5), side == Side.Buy ? Side.Sell : Side.Buy, Coin / 2, side == Side.Buy ? 90 * Coin : 110 * Coin, TimeInForce.ImmediateOrCancel);
            }
        }

        for (var i = 0; i < 50_000; i++)
        {
            Round(); // grows every structure to its steady-state size (and lets the JIT settle)
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2_000; i++)
        {
            Round();
        }

        // Ledger and trade log are pre-sized above; every other structure has reached its steady size in the warm-up.
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(x.Engine.TradeCount > 1_000);
    }
}
