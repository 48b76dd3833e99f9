using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Testing.Tests.Matching;

/// <summary>The queue of every level against a plain model while levels of one order are emptied (without their queue being
/// read) and reused, with market-data positions on (the gateway) and off (the replay).</summary>
public class BookSideLevelQueueTests
{
    [Fact]
    public void A_level_emptied_by_its_only_order_is_reused_with_a_clean_queue()
    {
        var side = new BookSide(isBid: true, tickSize: 10);
        Assert.Equal(1, side.Add(1, 100));
        Assert.Equal(1, side.Remove(1, 100));
        Assert.Equal(0, side.LevelCount);

        Assert.Equal(1, side.Add(2, 100));
        Assert.Equal(2, side.Add(3, 100));
        Assert.Equal(1, side.Add(4, 200));
        Assert.Equal(1, side.Remove(4, 200));
        Assert.Equal(new[] { 2, 3 }, side.BestLevel.Orders.ToArray());
        Assert.Equal(1, side.Remove(2, 100));
        Assert.Equal(new[] { 3 }, side.BestLevel.Orders.ToArray());
        Assert.Equal(1, side.Remove(3, 100));
        Assert.Equal(0, side.LevelCount);
        Assert.Equal(0, side.OrderCount);

        Assert.Equal(1, side.Add(5, 300));
        Assert.Equal(2, side.Add(6, 300));
        Assert.Equal(new[] { 5, 6 }, side.BestLevel.Orders.ToArray());
        Assert.Equal(300, side.BestLevel.Price);
    }

    [Theory]
    [InlineData(true, true, 21)]
    [InlineData(false, true, 22)]
    [InlineData(true, false, 23)]
    [InlineData(false, false, 24)]
    public void Every_level_queue_matches_a_model_through_adds_cancels_and_fills(bool isBid, bool positions, int seed)
    {
        const long tick = 5;
        var random = new Random(seed);
        var side = new BookSide(isBid, levelCapacity: 4, tickSize: tick, positions: positions);
        var model = new SortedDictionary<long, List<int>>(Comparer<long>.Create((a, b) => isBid ? b.CompareTo(a) : a.CompareTo(b)));
        var nextSlot = 0;
        var singleRemovals = 0;
        for (var step = 0; step < 20_000; step++)
        {
            var roll = random.Next(100);
            if (model.Count == 0 || roll < 55)
            {
                // Few prices: levels of one order and of many, emptied and created again at the same ticks.
                var price = random.Next(1, 40) * tick;
                var slot = nextSlot++;
                if (!model.TryGetValue(price, out var queue))
                {
                    model[price] = queue = [];
                }

                queue.Add(slot);
                var expected = positions ? model.TakeWhile(l => l.Key != price).Sum(l => l.Value.Count) + queue.Count : 0;
                Assert.Equal(expected, side.Add(slot, price));
            }
            else if (roll < 90)
            {
                var level = model.ElementAt(random.Next(model.Count));
                var rank = random.Next(level.Value.Count);
                var expected = positions ? model.TakeWhile(l => l.Key != level.Key).Sum(l => l.Value.Count) + rank + 1 : 0;
                singleRemovals += level.Value.Count == 1 ? 1 : 0;
                Assert.Equal(expected, side.Remove(level.Value[rank], level.Key));
                level.Value.RemoveAt(rank);
                if (level.Value.Count == 0)
                {
                    model.Remove(level.Key);
                }
            }
            else
            {
                var best = model.First();
                Assert.Equal(best.Value[0], side.BestLevel.HeadSlot);
                side.RemoveBestHead();
                best.Value.RemoveAt(0);
                if (best.Value.Count == 0)
                {
                    model.Remove(best.Key);
                }
            }

            if (step % 50 == 0)
            {
                var walked = new List<string>();
                for (var id = side.FirstLevel(out var cursor); id >= 0; id = side.NextWorseLevel(ref cursor))
                {
                    walked.Add($"{side.Level(id).Price}: {string.Join(' ', side.Level(id).Orders.ToArray())}");
                }

                Assert.Equal(model.Select(l => $"{l.Key}: {string.Join(' ', l.Value)}"), walked);
            }
        }

        Assert.True(singleRemovals > 500, "the test must empty many one-order levels by a cancel");
    }
}
