using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Testing.Tests.Matching;

/// <summary>Market-data positions from the block-summed level counts, against a plain sorted list, over thousands of levels:
/// dense ticks within one page, and ticks spread over thousands of pages (spread 4,099 ticks apart). A side without positions
/// (book events off, as the replay runs) returns 0 for every position, and the same mix over few prices (levels and pages
/// emptied and reused) keeps its best level, level walk, queues and order count equal to the model. Removals go by price, by
/// the level id the order was added at (a cancel's level hint) or by a wrong id, which falls back to the price.</summary>
public class BookSidePositionTests
{
    [Theory]
    [InlineData(true, 11, 1, true, 3_000)]
    [InlineData(false, 12, 1, true, 3_000)]
    [InlineData(true, 13, 4_099, true, 3_000)]
    [InlineData(false, 14, 4_099, true, 3_000)]
    [InlineData(true, 21, 1, false, 300)]
    [InlineData(false, 22, 1, false, 300)]
    [InlineData(true, 23, 4_099, false, 300)]
    [InlineData(false, 24, 4_099, false, 300)]
    public void Positions_match_a_naive_model_across_many_levels(bool isBid, int seed, int spread, bool positions, int prices)
    {
        const long tick = 1_000;
        var random = new Random(seed);
        var side = new BookSide(isBid, levelCapacity: 8, tickSize: tick, positions: positions);
        var model = new List<(int Slot, long Price)>();
        var levelIds = new Dictionary<int, int>();
        var nextSlot = 0;
        for (var step = 0; step < 40_000; step++)
        {
            var roll = random.Next(100);
            if (model.Count == 0 || roll < 60)
            {
                var price = random.Next(1, prices) * spread * tick;
                var slot = nextSlot++;
                var expected = model.Count(o => isBid ? o.Price >= price : o.Price <= price) + 1;
                Assert.Equal(positions ? expected : 0, side.Add(slot, price, out var levelId));
                Assert.Equal(price, side.Level(levelId).Price);
                levelIds[slot] = levelId;
                model.Insert(expected - 1, (slot, price));
            }
            else if (roll < 88)
            {
                // By price alone, by the level id Add returned (a cancel's hint), or by a wrong or out-of-range id (a stale hint),
                // which must fall back to the price lookup: the same position and book every time.
                var index = random.Next(model.Count);
                var (slot, price) = model[index];
                var position = (roll % 4) switch
                {
                    0 => side.Remove(slot, price),
                    1 => side.Remove(slot, price, levelIds[slot]),
                    2 => side.Remove(slot, price, random.Next(side.LevelCount + 8)),
                    _ => side.Remove(slot, price, -1),
                };
                Assert.Equal(positions ? index + 1 : 0, position);
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

        Assert.True(side.LevelCount > prices / 6, "the test must span many levels");

        // The best-to-worst level walk visits every price once, in book order, each with its orders in arrival order.
        var walked = new List<(long Price, int[] Slots)>();
        for (var id = side.FirstLevel(out var cursor); id >= 0; id = side.NextWorseLevel(ref cursor))
        {
            walked.Add((side.Level(id).Price, side.Level(id).Orders.ToArray()));
        }

        var levels = model.GroupBy(o => o.Price).ToList();
        Assert.Equal(levels.Select(g => g.Key), walked.Select(w => w.Price));
        Assert.All(levels.Zip(walked), pair => Assert.Equal(pair.First.Select(o => o.Slot), pair.Second.Slots));
        Assert.Equal(walked.Count, side.LevelCount);
        Assert.Throws<InvalidOperationException>(() => side.Remove(nextSlot, (prices + 7) * spread * tick));
    }
}
