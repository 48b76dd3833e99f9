using BlinkTrade.Client.MarketData;

namespace BlinkTrade.NetworkSoak.MarketData;

/// <summary>What every published book must agree with, checked book after book without asking the exchange: each book a
/// subscriber is given is a state the exchange's book was in, later than the one before (after a reconnect too: the new
/// snapshot is a later state). On the reference exchange an order keeps its price, its size only shrinks (fills; there
/// is no amend), and once it left the book it never returns (order ids are not reused). So a book that shows an order
/// at another price, grown, or back after it was gone comes from a replica that applied an update wrongly — even when
/// the error heals before the next comparison with the exchange. Not thread-safe: the book subscriber's queue calls it
/// one book at a time.</summary>
internal sealed class OrderHistory
{
    private readonly Dictionary<long, (long Price, long Size)> _open = [];
    private readonly HashSet<long> _gone = [];

    /// <summary>The first thing <paramref name="book"/> gets wrong against the books before it, or <see langword="null"/>.</summary>
    public string? Add(OrderBookSnapshot book)
    {
        string? problem = null;
        var present = new HashSet<long>();
        foreach (var entry in book.Bids.Concat(book.Asks))
        {
            present.Add(entry.OrderId);
            if (_gone.Contains(entry.OrderId))
            {
                problem ??= $"order {entry.OrderId} is back after it left the book";
            }
            else if (_open.TryGetValue(entry.OrderId, out var before))
            {
                if (before.Price != entry.Price.Satoshis)
                {
                    problem ??= $"order {entry.OrderId} moved from {before.Price / 1e8m} to {entry.Price}";
                }
                else if (entry.Size.Satoshis > before.Size)
                {
                    problem ??= $"order {entry.OrderId} grew from {before.Size / 1e8m} to {entry.Size}";
                }
            }
            _open[entry.OrderId] = (entry.Price.Satoshis, entry.Size.Satoshis);
        }
        foreach (var id in _open.Keys.Where(id => !present.Contains(id)).ToList())
        {
            _open.Remove(id);
            _gone.Add(id);
        }
        return problem;
    }
}
