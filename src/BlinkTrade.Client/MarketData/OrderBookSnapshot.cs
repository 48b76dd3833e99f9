using System.Text;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.MarketData;

/// <summary>
/// An immutable view of a local order-book replica after a <c>W</c> snapshot (<see cref="IsReset"/>) or an <c>X</c>
/// update. Bids are best (highest) first, asks best (lowest) first, order by order.
/// </summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Bids">Buy orders, best first.</param>
/// <param name="Asks">Sell orders, best first.</param>
/// <param name="Sequence">Increases with every published snapshot of this subscription.</param>
/// <param name="IsReset">The book was (re)built from a server snapshot — the first one, or after a reconnect or a
/// detected gap. Discard any state derived from earlier snapshots.</param>
/// <param name="Timestamp">When the client applied it.</param>
public sealed record OrderBookSnapshot(string Symbol, IReadOnlyList<OrderBookEntry> Bids, IReadOnlyList<OrderBookEntry> Asks, long Sequence, bool IsReset, DateTimeOffset Timestamp)
{
    /// <summary>The best bid, when there is one.</summary>
    public OrderBookEntry? BestBid => Bids.Count > 0 ? Bids[0] : null;

    /// <summary>The best ask, when there is one.</summary>
    public OrderBookEntry? BestAsk => Asks.Count > 0 ? Asks[0] : null;

    // The compiler's printer would print the lists' type names.
    private bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, false, (nameof(Symbol), Symbol), (nameof(Bids), RecordText.List(Bids)),
        (nameof(Asks), RecordText.List(Asks)), (nameof(Sequence), Sequence), (nameof(IsReset), IsReset), (nameof(Timestamp), Timestamp),
        (nameof(BestBid), BestBid), (nameof(BestAsk), BestAsk));
}
