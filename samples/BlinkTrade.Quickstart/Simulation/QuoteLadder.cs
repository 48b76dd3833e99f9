using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Quickstart.Simulation;

/// <summary>The prices a market maker wants to quote: <c>levels</c> bids below and asks above a mid price.</summary>
/// <param name="Bids">Bid prices, best (highest) first.</param>
/// <param name="Asks">Ask prices, best (lowest) first.</param>
internal sealed record QuoteLadder(IReadOnlyList<Price> Bids, IReadOnlyList<Price> Asks)
{
    /// <summary>Builds a ladder. Bids round down and asks round up to the tick, so the spread never shrinks below
    /// twice <paramref name="halfSpread"/> and the two sides never cross.</summary>
    /// <param name="mid">The mid price.</param>
    /// <param name="halfSpread">The distance from the mid to the best bid and to the best ask (&gt; 0).</param>
    /// <param name="step">The distance between levels (&gt; 0).</param>
    /// <param name="levels">The number of levels per side.</param>
    /// <param name="tick">The instrument's price increment.</param>
    /// <returns>The ladder; prices that would not be positive are left out.</returns>
    public static QuoteLadder Build(decimal mid, decimal halfSpread, decimal step, int levels, decimal tick)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(halfSpread);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tick);
        ArgumentOutOfRangeException.ThrowIfNegative(levels);
        var bids = new List<Price>(levels);
        var asks = new List<Price>(levels);
        for (var i = 0; i < levels; i++)
        {
            var bid = Math.Floor((mid - halfSpread - i * step) / tick) * tick;
            if (bid > 0)
            {
                bids.Add(Price.FromDecimal(bid));
            }
            asks.Add(Price.FromDecimal(Math.Ceiling((mid + halfSpread + i * step) / tick) * tick));
        }
        return new QuoteLadder(bids, asks);
    }
}
