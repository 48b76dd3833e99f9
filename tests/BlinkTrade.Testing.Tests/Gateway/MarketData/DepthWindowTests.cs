using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Gateway.MarketData;
using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Testing.Tests.Gateway.MarketData;

/// <summary>The depth window's X entries, applied by the client's own replica, give exactly the book's first N orders.</summary>
public sealed class DepthWindowTests
{
    [Theory]
    [InlineData(1, 11)]
    [InlineData(3, 12)]
    [InlineData(5, 13)]
    [InlineData(0, 14)]
    public void Applied_by_position_the_entries_turn_the_replica_into_the_books_first_N_orders_after_every_change(int depth, int seed)
    {
        var random = new Random(seed);
        var bids = new List<BookEntry>();
        var asks = new List<BookEntry>();
        long nextId = 1;
        var window = new DepthWindow(depth, [], []);
        var replica = new LocalOrderBook("BTCUSD");
        var refills = 0;
        for (var step = 0; step < 3_000; step++)
        {
            var side = random.Next(2) == 0 ? bids : asks;
            var before = Top(side, depth).Select(e => e.OrderId).ToList();
            var resting = side.Select(e => e.OrderId).ToHashSet();
            Mutate(side, random, ref nextId);
            var after = Top(side, depth).Select(e => e.OrderId).ToList();
            if (after.Exists(id => resting.Contains(id) && !before.Contains(id)))
            {
                refills++; // an order that rested below the window moved up into it
            }

            var entries = window.Advance("BTCUSD", Top(bids, depth), Top(asks, depth), _ => "exchange");
            foreach (var entry in entries)
            {
                Assert.True(replica.TryApply(entry), $"step {step}: {entry.MDUpdateAction} at {entry.MDEntryPositionNo} fits");
                if (depth > 0)
                {
                    Assert.True(replica.Bids.Count <= depth && replica.Asks.Count <= depth, "never more than the depth");
                }
            }
            AssertSame(Top(bids, depth), replica.Bids.Publish());
            AssertSame(Top(asks, depth), replica.Asks.Publish());
            if (entries.Count == 0)
            {
                Assert.True(before.SequenceEqual(after), "no entries only when the window did not change");
            }
        }
        if (depth > 0)
        {
            Assert.True(refills > 20, $"orders moved up into the window {refills} times");
        }
    }

    private static void Mutate(List<BookEntry> side, Random random, ref long nextId)
    {
        var roll = random.Next(100);
        if (side.Count == 0 || roll < 45)
        {
            var at = random.Next(side.Count + 1);
            side.Insert(at, Order(nextId++, random));
        }
        else if (roll < 75)
        {
            // Often the top: the next order must move up into the window.
            side.RemoveAt(roll < 60 ? 0 : random.Next(side.Count));
        }
        else if (roll < 90)
        {
            var at = random.Next(side.Count);
            side[at] = side[at] with { Quantity = random.Next(1, 1_000) * 100_000L };
        }
        else
        {
            side.RemoveRange(0, Math.Min(side.Count, random.Next(1, 4))); // a sweep
        }
    }

    private static BookEntry Order(long id, Random random) => new(0, 600_0000_0000 + random.Next(1, 100) * 1_0000_0000L, random.Next(1, 1_000) * 100_000L, id, 5, 7, 638_000_000_000_000_000);

    private static List<BookEntry> Top(List<BookEntry> side, int depth) => [.. (depth == 0 ? side : side.Take(depth)).Select((e, i) => e with { Position = i + 1 })];

    private static void AssertSame(List<BookEntry> expected, IReadOnlyList<OrderBookEntry> actual)
        => Assert.Equal(expected.Select(e => (e.OrderId, e.Price, e.Quantity)), actual.Select(a => (a.OrderId, a.Price.Satoshis, a.Size.Satoshis)));
}
