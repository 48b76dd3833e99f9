using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Testing.Tests.Matching;

/// <summary>The direct order-id index against a dictionary model: ids added in ascending order (as the engine assigns them)
/// with random lifetimes, so pages fill, empty, return to the pool, the window slides and — when an old id stays open — grows.</summary>
public class OrderIdIndexTests
{
    [Theory]
    [InlineData(1, 1, 16)]
    [InlineData(2, 1_000_000_000_000, 4_096)]
    [InlineData(3, -5, 100_000)]
    public void Index_agrees_with_a_dictionary_model(int seed, long firstId, int capacity)
    {
        var random = new Random(seed);
        var index = new OrderIdIndex(firstId, capacity);
        var model = new Dictionary<long, int>();
        var open = new List<long>();
        var nextId = firstId;
        for (var step = 0; step < 400_000; step++)
        {
            var roll = random.Next(100);
            if (roll < 52 || open.Count == 0)
            {
                // Some ids are never registered (rejected or immediately done orders), and ids jump in bursts.
                nextId += roll < 2 ? random.Next(1, 20_000) : random.Next(1, 3);
                var slot = random.Next(1_000_000);
                index.Add(nextId, slot);
                model.Add(nextId, slot);
                open.Add(nextId);
            }
            else
            {
                // Mostly recent orders close; a few very old ones stay open for long (forcing the ring to grow).
                var pick = roll < 99 ? open.Count - 1 - random.Next(Math.Min(open.Count, 2_000)) : random.Next(open.Count);
                var id = open[pick];
                open[pick] = open[^1];
                open.RemoveAt(open.Count - 1);
                index.Remove(id);
                model.Remove(id);
            }

            Assert.Equal(model.Count, index.Count);
            if (step % 997 == 0)
            {
                foreach (var (id, slot) in model)
                {
                    Assert.True(index.TryGet(id, out var found));
                    Assert.Equal(slot, found);
                }

                for (var probe = 0; probe < 200; probe++)
                {
                    var id = firstId + random.NextInt64(-10, nextId - firstId + 100_000);
                    Assert.Equal(model.TryGetValue(id, out var expected), index.TryGet(id, out var found));
                    Assert.Equal(model.ContainsKey(id) ? expected : -1, found);
                }
            }
        }

        Assert.False(index.TryGet(long.MinValue, out _));
        Assert.False(index.TryGet(long.MaxValue, out _));
    }
}
