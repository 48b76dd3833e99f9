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
}
