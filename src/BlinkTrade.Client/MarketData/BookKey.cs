namespace BlinkTrade.Client.MarketData;

/// <summary>What makes two book subscriptions one wire subscription: the symbol and the <see cref="OrderBookOptions"/>.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="MarketDepth">Orders per side; 0 for all.</param>
/// <param name="FullRefresh">Whether changes arrive as W snapshots.</param>
internal readonly record struct BookKey(string Symbol, int MarketDepth, bool FullRefresh);
