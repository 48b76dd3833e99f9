
namespace BlinkTrade.Testing.Gateway.MarketData;

/// <summary>Subscribers and trade tape of one symbol.</summary>
internal sealed class SymbolMarketData
{
    public SymbolMarketData(string symbol, string baseCurrency, string quoteCurrency)
    {
        Symbol = symbol;
        BaseCurrency = baseCurrency;
        QuoteCurrency = quoteCurrency;
    }

    public string Symbol { get; }

    public string BaseCurrency { get; }

    public string QuoteCurrency { get; }

    public List<BookSubscription> BookSubscribers { get; } = [];

    public List<StatusSubscription> StatusSubscribers { get; } = [];

    /// <summary>Every trade, oldest first.</summary>
    public List<TradeRecord> Trades { get; } = [];

    public long LastBestBid { get; set; }

    public long LastBestAsk { get; set; }
}
