using BlinkTrade.Client.Protocol;
using BlinkTrade.Quickstart.Simulation;

namespace BlinkTrade.Samples.Tests.Quickstart;

public sealed class SimulationTests
{
    [Fact]
    public void The_mid_price_walk_is_repeatable_for_a_seed()
    {
        var first = new MidPriceWalk(620m, 0.06m, 0.002m, new Random(7));
        var second = new MidPriceWalk(620m, 0.06m, 0.002m, new Random(7));
        var other = new MidPriceWalk(620m, 0.06m, 0.002m, new Random(8));

        var a = Enumerable.Range(0, 100).Select(_ => first.Step()).ToList();
        var b = Enumerable.Range(0, 100).Select(_ => second.Step()).ToList();
        var c = Enumerable.Range(0, 100).Select(_ => other.Step()).ToList();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(a[^1], first.Current);
    }

    [Fact]
    public void The_mid_price_moves_but_stays_near_its_anchor_for_hours()
    {
        // 100,000 steps of 250 ms are about seven hours of simulation.
        var walk = new MidPriceWalk(620m, 0.06m, 0.002m, new Random(42));
        var prices = Enumerable.Range(0, 100_000).Select(_ => walk.Step()).ToList();

        Assert.True(prices.Max() - prices.Min() > 1m, "the price should visibly move");
        Assert.All(prices, p => Assert.InRange(p, 310m, 930m));
        // Mean reversion keeps it much closer than the hard ±50 % band.
        Assert.InRange(prices.Average(), 600m, 640m);
    }

    [Theory]
    [InlineData(620.004, 0.05, 0.10, 6)]
    [InlineData(619.995, 0.20, 0.35, 8)]
    [InlineData(620, 0.01, 0.01, 3)]
    public void A_quote_ladder_is_on_the_tick_two_sided_and_never_crossed(decimal mid, decimal halfSpread, decimal step, int levels)
    {
        var ladder = QuoteLadder.Build(mid, halfSpread, step, levels, tick: 0.01m);

        Assert.Equal(levels, ladder.Bids.Count);
        Assert.Equal(levels, ladder.Asks.Count);
        Assert.All(ladder.Bids.Concat(ladder.Asks), p => Assert.Equal(0, p.Satoshis % 1_000_000));
        Assert.Equal(ladder.Bids.OrderByDescending(p => p).Distinct(), ladder.Bids); // best first, one order per level
        Assert.Equal(ladder.Asks.Order().Distinct(), ladder.Asks);
        Assert.True(ladder.Bids[0].ToDecimal() <= mid - halfSpread);
        Assert.True(ladder.Asks[0].ToDecimal() >= mid + halfSpread);
        Assert.True(ladder.Asks[0] - ladder.Bids[0] >= Price.FromDecimal(2 * halfSpread));
    }

    [Fact]
    public void A_quote_ladder_leaves_out_bids_that_would_not_be_positive()
    {
        var ladder = QuoteLadder.Build(mid: 0.30m, halfSpread: 0.05m, step: 0.10m, levels: 5, tick: 0.01m);

        Assert.Equal([Price.FromDecimal(0.25m), Price.FromDecimal(0.15m), Price.FromDecimal(0.05m)], ladder.Bids);
        Assert.Equal(5, ladder.Asks.Count);
    }
}
