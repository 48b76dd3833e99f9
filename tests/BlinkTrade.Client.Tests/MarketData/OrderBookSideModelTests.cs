using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Tests.MarketData;

/// <summary>The replica side against a plain list under random X operations, with snapshots taken in between: the
/// side is a run of copy-on-write chunks, so published views share chunks the later changes must never touch.</summary>
public sealed class OrderBookSideModelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_inserts_replaces_deletes_and_delete_thrus_match_a_list_and_published_views_never_change(int seed)
    {
        var random = new Random(seed);
        var side = new OrderBookSide();
        var model = new List<OrderBookEntry>();
        var published = new List<(IReadOnlyList<OrderBookEntry> View, OrderBookEntry[] Copy)>();
        long next = 0;
        OrderBookEntry NewEntry() => new(Price.FromSatoshis(++next), Quantity.FromSatoshis(next), next, null, null);

        for (var step = 0; step < 20_000; step++)
        {
            var roll = random.Next(100);
            if (roll < 45 || model.Count == 0)
            {
                // Biased to the top (as real books are) but anywhere, including one past the end.
                var position = random.Next(3) == 0 ? random.Next(1, model.Count + 2) : Math.Min(1 + random.Next(3), model.Count + 1);
                var entry = NewEntry();
                Assert.True(side.TryInsert(position, entry));
                model.Insert(position - 1, entry);
            }
            else if (roll < 60)
            {
                var position = random.Next(1, model.Count + 1);
                var entry = NewEntry();
                Assert.True(side.TryReplace(position, entry));
                model[position - 1] = entry;
            }
            else if (roll < 95)
            {
                var position = random.Next(3) == 0 ? random.Next(1, model.Count + 1) : Math.Min(1 + random.Next(2), model.Count);
                Assert.True(side.TryRemoveAt(position));
                model.RemoveAt(position - 1);
            }
            else
            {
                var through = random.Next(0, Math.Min(model.Count, 5) + 1);
                Assert.True(side.TryRemoveThrough(through));
                model.RemoveRange(0, through);
            }
            // Out-of-range positions are refused and change nothing.
            Assert.False(side.TryInsert(model.Count + 2, NewEntry()));
            Assert.False(side.TryRemoveAt(model.Count + 1));
            Assert.False(side.TryReplace(0, NewEntry()));

            Assert.Equal(model.Count, side.Count);
            if (step % 7 == 0)
            {
                var view = side.Publish();
                Assert.Equal(model, view);
                Assert.Equal(model.Count, view.Count);
                for (var i = 0; i < model.Count; i++)
                {
                    Assert.Equal(model[i], view[i]);            // by index, across chunk boundaries
                }
                Assert.Throws<ArgumentOutOfRangeException>(() => view[model.Count]);
                Assert.Same(view, side.Publish());           // reused until the side changes
                published.Add((view, view.ToArray()));
            }
            if (model.Count > 0)
            {
                var probe = random.Next(1, model.Count + 1);
                Assert.Equal(model[probe - 1], side[probe]);
            }
        }
        foreach (var (view, copy) in published)
        {
            Assert.Equal(copy, view);                        // a published snapshot is never mutated afterwards
            for (var i = 0; i < copy.Length; i++)
            {
                Assert.Equal(copy[i], view[i]);
            }
        }
        side.Load([.. model.Take(3)]);
        Assert.Equal(model.Take(3), side.Publish());
    }
}
