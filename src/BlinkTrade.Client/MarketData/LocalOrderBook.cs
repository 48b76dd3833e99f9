using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.MarketData;

/// <summary>
/// A local replica of one instrument's order book, built from a <c>W</c> snapshot and kept current with <c>X</c>
/// entries applied by position (PROTOCOL.md §3.8): new → insert at pos−1; change → replace at pos−1; delete →
/// remove at pos−1; delete-thru → drop the first pos entries. Not thread-safe: the receive loop owns it, and
/// subscribers only ever see immutable <see cref="OrderBookSnapshot"/>s.
/// </summary>
internal sealed class LocalOrderBook
{
    public LocalOrderBook(string symbol)
    {
        Symbol = symbol;
        Bids = new OrderBookSide();
        Asks = new OrderBookSide();
    }

    public string Symbol { get; }

    public OrderBookSide Bids { get; }

    public OrderBookSide Asks { get; }

    /// <summary>Replaces the content with a <c>W</c> snapshot's book entries (trade and volume entries are skipped).</summary>
    /// <returns><see langword="false"/> when the snapshot's positions are inconsistent.</returns>
    public bool TryReset(IReadOnlyList<MarketDataEntry>? entries)
    {
        List<OrderBookEntry> bids = [];
        List<OrderBookEntry> asks = [];
        if (entries is not null)
        {
            foreach (var entry in entries)
            {
                var side = entry.MDEntryType == MarketDataEntryType.Bid ? bids : entry.MDEntryType == MarketDataEntryType.Offer ? asks : null;
                if (side is null)
                {
                    continue;
                }
                // Snapshot entries are best-first; honour explicit positions when they are present.
                var position = entry.MDEntryPositionNo ?? side.Count + 1;
                if (position < 1 || position > side.Count + 1)
                {
                    Bids.Clear();
                    Asks.Clear();
                    return false;
                }
                side.Insert(position - 1, OrderBookEntry.From(entry));
            }
        }
        Bids.Load(bids);
        Asks.Load(asks);
        return true;
    }

    /// <summary>Applies one <c>X</c> entry. Trade/volume entries are ignored (returns <see langword="true"/>).</summary>
    /// <returns><see langword="false"/> when the entry does not fit the replica (out of sync: rebuild from a snapshot).</returns>
    public bool TryApply(MarketDataEntry entry)
    {
        var side = SideOf(entry.MDEntryType);
        if (side is null)
        {
            return true;
        }
        if (entry.MDUpdateAction is not { } action || entry.MDEntryPositionNo is not { } position)
        {
            return false;
        }
        return TryApply(side, action, position, OrderBookEntry.From(entry));
    }

    /// <summary>Applies one action to one side.</summary>
    public static bool TryApply(OrderBookSide side, MarketDataUpdateAction action, int position, in OrderBookEntry entry)
    {
        if (action == MarketDataUpdateAction.New)
        {
            return side.TryInsert(position, entry);
        }
        if (action == MarketDataUpdateAction.Change)
        {
            return side.TryReplace(position, entry);
        }
        if (action == MarketDataUpdateAction.Delete)
        {
            return side.TryRemoveAt(position);
        }
        if (action == MarketDataUpdateAction.DeleteThru)
        {
            return side.TryRemoveThrough(position);
        }
        return false;
    }

    public OrderBookSnapshot ToSnapshot(long sequence, bool isReset, DateTimeOffset timestamp)
        => new(Symbol, Bids.Publish(), Asks.Publish(), sequence, isReset, timestamp);

    private OrderBookSide? SideOf(MarketDataEntryType type)
        => type == MarketDataEntryType.Bid ? Bids : type == MarketDataEntryType.Offer ? Asks : null;
}
