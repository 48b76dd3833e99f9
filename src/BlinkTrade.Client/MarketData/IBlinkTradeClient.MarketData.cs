using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client;

public partial interface IBlinkTradeClient
{
    /// <summary>
    /// The order book of <paramref name="symbol"/> as a stream of immutable snapshots of a local replica (a <c>W</c>
    /// snapshot, then every <c>X</c> applied by position). The first subscriber subscribes on the wire; later ones
    /// share that subscription and first receive the current book; disposing the last one unsubscribes. After a
    /// reconnect or a detected gap the book is rebuilt from a new snapshot and published with
    /// <see cref="OrderBookSnapshot.IsReset"/> set — a subscriber never sees a corrupt book.
    /// </summary>
    /// <param name="symbol">The instrument, e.g. <c>BTCUSD</c>.</param>
    /// <returns>The book stream (fails with <see cref="MarketDataRejectedException"/> when the server rejects it).</returns>
    IObservable<OrderBookSnapshot> ObserveOrderBook(string symbol);

    /// <summary>Trades printed on <paramref name="symbol"/>, live (shares the book's wire subscription).</summary>
    /// <param name="symbol">The instrument.</param>
    /// <returns>The trade stream.</returns>
    IObservable<MarketTrade> ObserveTrades(string symbol);

    /// <summary>The 24-hour ticker of <paramref name="symbol"/> (<c>e</c> → <c>f</c>): a snapshot, then an update whenever
    /// the best bid/ask changes or a trade prints. Ref-counted like the book.</summary>
    /// <param name="symbol">The instrument (2016+ servers accept <c>MARKET:SYMBOL</c>).</param>
    /// <returns>The ticker stream.</returns>
    IObservable<Ticker> ObserveTicker(string symbol);

    /// <summary>The instruments and currencies (<c>x</c> → <c>y</c>; public). <c>Pip</c> of a currency is its price step (G32).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The security list.</returns>
    Task<SecurityList> GetSecurityListAsync(CancellationToken cancellationToken = default);
}
