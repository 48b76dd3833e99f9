using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Testing.Tests.Matching;

/// <summary>Market-data positions from the block-summed level counts, against a plain sorted list, over thousands of levels:
/// dense ticks within one page, and ticks spread over thousands of pages (spread 4,099 ticks apart).</summary>
public class BookSidePositionTests
{
    [Theory]
    [InlineData(true, 11, 1)]
    [InlineData(false, 12, 1)]
    [InlineData(true, 13, 4_099)]
    [InlineData(false, 14, 4_099)]
    public void Positions_match_a_naive_model_across_many_levels(bool isBid, int seed, int spread)
    {
        const long tick = 1_000;
        var random = new Random(seed);
        var side = new BookSide(isBid, levelCapacity: 8, tickSize: tick);
        var model = new List<(int Slot, long Price)>();
        var nextSlot = 0;
        for (var step = 0; step < 40_000; step++)
        {
            var roll = random.Next(100);
            if (model.Count == 0 || roll < 60)
            {
                var price = random.Next(1, 3_000) * spread * tick;
                var slot = nextSlot++;
                var expected = model.Count(o => isBid ? o.Price >= price : o.Price <= price) + 1;
                Assert.Equal(expected, side.Add(slot, price));
                model.Insert(expected - 1, (slot, price));
            }
            else if (roll < 88)
            {
                var index = random.Next(model.Count);
                Assert.Equal(index + 1, side.Remove(model[index].Slot, model[index].Price));
                model.RemoveAt(index);
            }
            else
            {
                Assert.Equal(model[0].Slot, side.BestLevel.HeadSlot);
                side.RemoveBestHead();
                model.RemoveAt(0);
            }

            Assert.Equal(model.Count, side.OrderCount);
        }

        Assert.True(side.LevelCount > 500, "the test must span many 64-level blocks");

        // The best-to-worst level walk visits every price once, in book order.
        var walked = new List<long>();
        for (var id = side.FirstLevel(out var cursor); id >= 0; id = side.NextWorseLevel(ref cursor))
        {
            walked.Add(side.Level(id).Price);
        }

        Assert.Equal(model.Select(o => o.Price).Distinct(), walked);
        Assert.Equal(walked.Count, side.LevelCount);
    }

    /// <summary>A side without positions keeps no per-tick counts and finds its levels by the occupancy bits: the same random
    /// mix keeps the best level, the level walk, every level's queue and the order count equal to the model, through levels
    /// and pages emptied and reused.</summary>
    [Theory]
    [InlineData(true, 21, 1)]
    [InlineData(false, 22, 1)]
    [InlineData(true, 23, 4_099)]
    [InlineData(false, 24, 4_099)]
    public void Levels_without_positions_match_a_naive_model(bool isBid, int seed, int spread)
    {
        const long tick = 1_000;
        var random = new Random(seed);
        var side = new BookSide(isBid, levelCapacity: 8, tickSize: tick, positions: false);
        var model = new List<(int Slot, long Price)>();
        var nextSlot = 0;
        for (var step = 0; step < 40_000; step++)
        {
            var roll = random.Next(100);
            if (model.Count == 0 || roll < 55)
            {
                // Few prices, so levels fill, empty and come back (and pages with them when spread apart).
                var price = random.Next(1, 300) * spread * tick;
                var slot = nextSlot++;
                Assert.Equal(0, side.Add(slot, price, out var levelId));
                Assert.Equal(price, side.Level(levelId).Price);
                model.Insert(model.Count(o => isBid ? o.Price >= price : o.Price <= price), (slot, price));
            }
            else if (roll < 88)
            {
                var index = random.Next(model.Count);
                Assert.Equal(0, side.Remove(model[index].Slot, model[index].Price));
                model.RemoveAt(index);
            }
            else
            {
                Assert.Equal(model[0].Slot, side.BestLevel.HeadSlot);
                side.RemoveBestHead();
                model.RemoveAt(0);
            }

            Assert.Equal(model.Count, side.OrderCount);
            if (model.Count > 0)
            {
                Assert.Equal(model[0].Price, side.BestLevel.Price);
            }
        }

        var walked = new List<(long Price, int[] Slots)>();
        for (var id = side.FirstLevel(out var cursor); id >= 0; id = side.NextWorseLevel(ref cursor))
        {
            walked.Add((side.Level(id).Price, side.Level(id).Orders.ToArray()));
        }

        var expected = model.GroupBy(o => o.Price).Select(g => (g.Key, g.Select(o => o.Slot).ToArray())).ToList();
        Assert.Equal(expected.Select(e => e.Key), walked.Select(w => w.Price));
        Assert.All(expected.Zip(walked), pair => Assert.Equal(pair.First.Item2, pair.Second.Slots));
        Assert.Equal(walked.Count, side.LevelCount);
        Assert.Throws<InvalidOperationException>(() => side.Remove(nextSlot, 7 * spread * tick * 1_000));
    }
}
