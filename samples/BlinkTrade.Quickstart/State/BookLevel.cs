using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Quickstart.State;

/// <summary>One price level of a book side: the orders at one price added up, and the depth up to it.</summary>
/// <param name="Price">The price.</param>
/// <param name="Size">The total size of the orders at this price.</param>
/// <param name="Cumulative">The total size from the best price down to (and including) this one.</param>
/// <param name="Orders">How many orders rest at this price.</param>
internal readonly record struct BookLevel(Price Price, Quantity Size, Quantity Cumulative, int Orders)
{
    /// <summary>Adds up a book side (BlinkTrade books are order by order) into its best <paramref name="depth"/> price levels.</summary>
    /// <param name="entries">The orders of one side, best first.</param>
    /// <param name="depth">How many levels to keep.</param>
    /// <returns>The levels, best first.</returns>
    public static IReadOnlyList<BookLevel> Aggregate(IReadOnlyList<OrderBookEntry> entries, int depth)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var levels = new List<BookLevel>(depth);
        var cumulative = Quantity.Zero;
        foreach (var entry in entries)
        {
            cumulative += entry.Size;
            if (levels.Count > 0 && levels[^1].Price == entry.Price)
            {
                var last = levels[^1];
                levels[^1] = last with { Size = last.Size + entry.Size, Cumulative = cumulative, Orders = last.Orders + 1 };
            }
            else if (levels.Count == depth)
            {
                break;
            }
            else
            {
                levels.Add(new BookLevel(entry.Price, entry.Size, cumulative, 1));
            }
        }
        return levels;
    }
}
