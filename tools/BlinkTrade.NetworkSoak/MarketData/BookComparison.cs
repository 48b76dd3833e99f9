using BlinkTrade.Client.MarketData;
using BlinkTrade.Testing;

namespace BlinkTrade.NetworkSoak.MarketData;

/// <summary>A client's book against the exchange's, order by order (this book carries orders, not aggregated levels:
/// equal orders in the same places means equal price levels too), and the shape every published book must have.</summary>
internal static class BookComparison
{
    /// <summary>The first difference between the client's book and the exchange's (its first <paramref name="depth"/>
    /// orders per side; 0 = all), or <see langword="null"/> when equal.</summary>
    public static string? Difference(OrderBookSnapshot client, ExchangeBook exchange, int depth = 0)
        => Difference("bid", client.Bids, Top(exchange.Bids, depth)) ?? Difference("ask", client.Asks, Top(exchange.Offers, depth));

    /// <summary>Whether two of the exchange's books are equal (read before and after a sample: did the book move?).</summary>
    public static bool Same(ExchangeBook a, ExchangeBook b)
        => a.Bids.Select(Key).SequenceEqual(b.Bids.Select(Key)) && a.Offers.Select(Key).SequenceEqual(b.Offers.Select(Key));

    /// <summary>What is wrong with a published book, or <see langword="null"/>: bids best (highest) first, asks best
    /// (lowest) first, never crossed (the engine rests nothing that crosses, and a command's changes are published
    /// together), every size above 0, every order once.</summary>
    public static string? Malformed(OrderBookSnapshot book)
    {
        for (var i = 1; i < book.Bids.Count; i++)
        {
            if (book.Bids[i].Price.Satoshis > book.Bids[i - 1].Price.Satoshis)
            {
                return $"bid {i + 1} at {book.Bids[i].Price} above bid {i} at {book.Bids[i - 1].Price}";
            }
        }
        for (var i = 1; i < book.Asks.Count; i++)
        {
            if (book.Asks[i].Price.Satoshis < book.Asks[i - 1].Price.Satoshis)
            {
                return $"ask {i + 1} at {book.Asks[i].Price} below ask {i} at {book.Asks[i - 1].Price}";
            }
        }
        if (book.BestBid is { } bid && book.BestAsk is { } ask && bid.Price.Satoshis >= ask.Price.Satoshis)
        {
            return $"crossed: bid {bid.Price} >= ask {ask.Price}";
        }
        foreach (var entry in book.Bids.Concat(book.Asks))
        {
            if (entry.Size.Satoshis <= 0)
            {
                return $"order {entry.OrderId} with size {entry.Size}";
            }
        }
        var ids = book.Bids.Concat(book.Asks).Select(e => e.OrderId).ToList();
        return ids.Count == ids.Distinct().Count() ? null : $"{ids.Count - ids.Distinct().Count()} orders listed twice";
    }

    private static IReadOnlyList<ExchangeBookEntry> Top(IReadOnlyList<ExchangeBookEntry> side, int depth) => depth > 0 && side.Count > depth ? [.. side.Take(depth)] : side;

    private static (long Price, long Size, long OrderId) Key(ExchangeBookEntry e) => (e.Price.Satoshis, e.Quantity.Satoshis, e.OrderId);

    private static string? Difference(string side, IReadOnlyList<OrderBookEntry> client, IReadOnlyList<ExchangeBookEntry> exchange)
    {
        var truth = exchange.Select(Key).ToList();
        for (var i = 0; i < Math.Max(client.Count, truth.Count); i++)
        {
            if (i >= client.Count || i >= truth.Count)
            {
                return $"{side} {i + 1}: client has {client.Count} orders, exchange {truth.Count}";
            }
            var c = client[i];
            var t = truth[i];
            if (c.Price.Satoshis != t.Price || c.Size.Satoshis != t.Size || c.OrderId != t.OrderId)
            {
                return $"{side} {i + 1}: client {c.Size}@{c.Price} order {c.OrderId}, exchange {t.Size / 1e8m}@{t.Price / 1e8m} order {t.OrderId}";
            }
        }
        return null;
    }
}
