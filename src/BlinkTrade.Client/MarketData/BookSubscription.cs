using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Internal.Streams;

namespace BlinkTrade.Client.MarketData;

/// <summary>One wire market-data subscription (<c>V</c>, bids + offers + trades) shared by every book and trade
/// subscriber of a symbol. Mutable state is touched by the receive loop only; the ref count under the client's lock.</summary>
internal sealed class BookSubscription(string symbol, SafeSubject<OrderBookSnapshot> books, SafeSubject<MarketTrade> trades)
{
    public string Symbol { get; } = symbol;

    /// <summary>The symbol and options the subscription was requested with (its key among the client's books).</summary>
    public BookKey Key { get; init; } = new(symbol, 0, false);

    public long MDReqID { get; set; }

    public int RefCount { get; set; }

    public LocalOrderBook Book { get; } = new(symbol);

    /// <summary>Whether the replica reflects a snapshot; X entries are ignored until the next W when not.</summary>
    public bool Synced { get; set; }

    public long Sequence { get; set; }

    /// <summary>Fires when the snapshot of the current request does not arrive in time.</summary>
    public ITimer? SnapshotTimer { get; set; }

    public SafeSubject<OrderBookSnapshot> Books { get; } = books;

    public SafeSubject<MarketTrade> Trades { get; } = trades;

    /// <summary>Guards the trade-stream state below and orders every publication on <see cref="Trades"/>.</summary>
    public object TradesGate { get; } = new();

    /// <summary>The highest TradeID published: later copies and older trades are dropped.</summary>
    public long? LastTradeId { get; set; }

    /// <summary>While the trades missed during an interruption are fetched (<c>U32</c>): the snapshot's and the live
    /// trades, held back so the stream stays in TradeID order. <see langword="null"/> otherwise.</summary>
    public List<MarketTrade>? HeldTrades { get; set; }

    /// <summary>Counts snapshots: a backfill started for an older snapshot is discarded.</summary>
    public int TradeEpoch { get; set; }
}
