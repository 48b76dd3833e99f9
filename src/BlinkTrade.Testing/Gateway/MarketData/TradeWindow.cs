namespace BlinkTrade.Testing.Gateway.MarketData;

/// <summary>Rolling 24-hour statistics of one symbol's trades (W's volume entry, f).</summary>
internal struct TradeWindow
{
    public long High;
    public long Low;
    public long BaseVolume;
    public long QuoteVolume;
}
