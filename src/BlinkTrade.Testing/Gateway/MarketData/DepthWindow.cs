using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Matching;
using Side = BlinkTrade.Testing.Matching.Side;

namespace BlinkTrade.Testing.Gateway.MarketData;

/// <summary>
/// What one depth-limited (or full-refresh) book subscriber holds: the first <see cref="Depth"/> orders of each side
/// as last sent. After every command the window is moved to the engine's current first N orders and the change is
/// expressed as <c>X</c> entries by position (§3.8), so a subscriber of depth N holds exactly the book's first N
/// orders at all times: when an order inside the window goes, the one that moves up into it is sent as a new entry.
/// </summary>
/// <remarks>
/// The window is diffed against the engine's book rather than derived from the command's events: an event at a
/// position outside the window can still shift orders into or out of it, and the diff gets every such case right by
/// construction. It costs O(N) per side per command per subscriber, which a test exchange can afford.
/// Deletes are emitted first (bottom-up), then changes and inserts top-down, so the subscriber's side never holds
/// more than N orders and every position it is sent fits the side it holds at that moment.
/// </remarks>
internal sealed class DepthWindow
{
    private List<BookEntry> _bids;
    private List<BookEntry> _asks;

    /// <summary>A window over the orders a subscriber's snapshot carried.</summary>
    /// <param name="depth">Orders per side; 0 for the whole book (full-refresh subscriptions).</param>
    /// <param name="bids">The snapshot's bids, best first.</param>
    /// <param name="asks">The snapshot's offers, best first.</param>
    public DepthWindow(int depth, IReadOnlyList<BookEntry> bids, IReadOnlyList<BookEntry> asks)
    {
        Depth = depth;
        _bids = [.. bids];
        _asks = [.. asks];
    }

    /// <summary>Orders per side (<c>MarketDepth</c>); 0 for all.</summary>
    public int Depth { get; }

    /// <summary>Moves the window to the engine's current first <see cref="Depth"/> orders of each side.</summary>
    /// <param name="symbol">The symbol (every <c>X</c> entry names it).</param>
    /// <param name="bids">The engine's bids now, best first, at most <see cref="Depth"/>.</param>
    /// <param name="asks">The engine's offers now, best first, at most <see cref="Depth"/>.</param>
    /// <param name="brokerName">Broker usernames for new and changed entries.</param>
    /// <returns>The <c>X</c> book entries that take the subscriber from the old window to the new one (empty when the window did not change).</returns>
    public List<MarketDataEntry> Advance(string symbol, IReadOnlyList<BookEntry> bids, IReadOnlyList<BookEntry> asks, Func<int, string> brokerName)
    {
        var entries = new List<MarketDataEntry>();
        Diff(symbol, Side.Buy, _bids, bids, entries, brokerName);
        Diff(symbol, Side.Sell, _asks, asks, entries, brokerName);
        _bids = [.. bids];
        _asks = [.. asks];
        return entries;
    }

    private static void Diff(string symbol, Side side, List<BookEntry> held, IReadOnlyList<BookEntry> target, List<MarketDataEntry> entries, Func<int, string> brokerName)
    {
        var wanted = new HashSet<long>(target.Count);
        foreach (var entry in target)
        {
            wanted.Add(entry.OrderId);
        }
        var working = new List<BookEntry>(held);
        // Orders gone from the window, bottom-up so the positions of those above stay valid.
        for (var i = working.Count - 1; i >= 0; i--)
        {
            if (!wanted.Contains(working[i].OrderId))
            {
                entries.Add(Entry(symbol, side, BookUpdateAction.Delete, i + 1, default, brokerName));
                working.RemoveAt(i);
            }
        }
        var present = new HashSet<long>(working.Count);
        foreach (var entry in working)
        {
            present.Add(entry.OrderId);
        }
        var position = 0;
        while (position < target.Count)
        {
            var next = target[position];
            if (position < working.Count && working[position].OrderId == next.OrderId)
            {
                if (working[position].Quantity != next.Quantity || working[position].Price != next.Price)
                {
                    entries.Add(Entry(symbol, side, BookUpdateAction.Update, position + 1, next, brokerName));
                    working[position] = next;
                }
                position++;
            }
            else if (present.Contains(next.OrderId) && position < working.Count)
            {
                // Price-time priority never reorders resting orders; should it ever, the order in the way goes and is
                // inserted again where it belongs.
                present.Remove(working[position].OrderId);
                entries.Add(Entry(symbol, side, BookUpdateAction.Delete, position + 1, default, brokerName));
                working.RemoveAt(position);
            }
            else
            {
                entries.Add(Entry(symbol, side, BookUpdateAction.New, position + 1, next, brokerName));
                working.Insert(position, next);
                position++;
            }
        }
        for (var i = working.Count; i > target.Count; i--)
        {
            entries.Add(Entry(symbol, side, BookUpdateAction.Delete, i, default, brokerName));
        }
    }

    private static MarketDataEntry Entry(string symbol, Side side, BookUpdateAction action, int position, in BookEntry order, Func<int, string> brokerName)
        => MarketDataEntries.Book(new BookEvent
        {
            Symbol = symbol,
            Action = action,
            Side = side,
            Position = position,
            Price = order.Price,
            Quantity = order.Quantity,
            OrderId = order.OrderId,
            BrokerId = order.BrokerId,
            UserId = order.UserId,
            OrderTimestamp = order.Timestamp,
        }, brokerName);
}
