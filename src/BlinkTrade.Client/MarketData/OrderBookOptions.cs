namespace BlinkTrade.Client.MarketData;

/// <summary>
/// How much of an order book to request (<c>V</c>, PROTOCOL.md §2.4) and how its changes arrive. Subscriptions with
/// equal options share one wire subscription; different options are different subscriptions.
/// </summary>
public sealed record OrderBookOptions
{
    private readonly int _marketDepth;

    /// <summary>The whole book, updated incrementally (the default of <see cref="IBlinkTradeClient.ObserveOrderBook(string)"/>).</summary>
    public static OrderBookOptions FullBook { get; } = new();

    /// <summary>
    /// <c>MarketDepth</c>: 0 for the whole book, 1 for the top of the book, N for the first N orders of each side. A
    /// depth-N book holds exactly the exchange's first N orders per side at all times: when one of them goes, the
    /// exchange sends the order that moves up into the window.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MarketDepth
    {
        get => _marketDepth;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _marketDepth = value;
        }
    }

    /// <summary>
    /// <c>MDUpdateType "0"</c> (full refresh) instead of <c>"1"</c> (incremental): the exchange sends every change as a
    /// new <c>W</c> snapshot of the requested depth rather than <c>X</c> entries by position. The book stream then
    /// publishes each of them (<see cref="OrderBookSnapshot.IsReset"/> stays for the first snapshot and resyncs);
    /// trades still arrive as <c>X</c> trade entries. Costs more bandwidth; needs no position bookkeeping.
    /// Not used by <see cref="IBlinkTradeClient.GetOrderBookAsync"/>, which asks for one snapshot only.
    /// </summary>
    public bool FullRefresh { get; init; }
}
