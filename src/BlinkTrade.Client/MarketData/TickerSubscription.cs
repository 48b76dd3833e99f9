using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Internal.Streams;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.MarketData;

/// <summary>One wire ticker subscription (<c>e</c> → <c>f</c> stream) shared by every subscriber of a symbol.</summary>
internal sealed class TickerSubscription(string symbol, SafeSubject<Ticker> ticks)
{
    public string Symbol { get; } = symbol;

    public long ReqID { get; set; }

    public int RefCount { get; set; }

    public SafeSubject<Ticker> Ticks { get; } = ticks;
}
