namespace BlinkTrade.Testing.Matching;

/// <summary>The two sides of one instrument's book.</summary>
internal sealed class OrderBook(int levelCapacity, int ordersPerLevel, long tickSize, bool positions = true)
{
    public BookSide Bids { get; } = new(isBid: true, levelCapacity, ordersPerLevel, tickSize, positions);

    public BookSide Asks { get; } = new(isBid: false, levelCapacity, ordersPerLevel, tickSize, positions);

    /// <summary>The side an order of <paramref name="side"/> rests on.</summary>
    public BookSide Own(Side side) => side == Side.Buy ? Bids : Asks;

    /// <summary>The side an order of <paramref name="side"/> trades against.</summary>
    public BookSide Opposite(Side side) => side == Side.Buy ? Asks : Bids;
}
