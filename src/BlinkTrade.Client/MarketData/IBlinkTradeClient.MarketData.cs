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

    /// <summary>
    /// The order book of <paramref name="symbol"/> as <see cref="ObserveOrderBook(string)"/> does, with the depth
    /// (<c>MarketDepth</c>) and update mode (<c>MDUpdateType</c>) of <paramref name="options"/>. Subscribers with equal
    /// options share one wire subscription.
    /// </summary>
    /// <param name="symbol">The instrument, e.g. <c>BTCUSD</c>.</param>
    /// <param name="options">Depth and update mode.</param>
    /// <returns>The book stream (fails with <see cref="MarketDataRejectedException"/> when the server rejects it).</returns>
    IObservable<OrderBookSnapshot> ObserveOrderBook(string symbol, OrderBookOptions options);

    /// <summary>
    /// One snapshot of the order book of <paramref name="symbol"/> without subscribing (<c>V</c> with
    /// <c>SubscriptionRequestType "0"</c> → one <c>W</c>; nothing follows it).
    /// </summary>
    /// <param name="symbol">The instrument, e.g. <c>BTCUSD</c>.</param>
    /// <param name="options">The depth (<see cref="OrderBookOptions.MarketDepth"/>); the whole book when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The book as the exchange sent it (<see cref="OrderBookSnapshot.IsReset"/> set).</returns>
    /// <exception cref="MarketDataRejectedException">The server rejected the request (<c>Y</c>), e.g. an unknown symbol.</exception>
    Task<OrderBookSnapshot> GetOrderBookAsync(string symbol, OrderBookOptions? options = null, CancellationToken cancellationToken = default);

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
