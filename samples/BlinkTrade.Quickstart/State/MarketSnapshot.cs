using BlinkTrade.Client.Account;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Quickstart.State;

/// <summary>An immutable copy of everything the views draw, taken at one moment (see <see cref="MarketState.Snapshot"/>).</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Book">The latest order book, or null before the first one.</param>
/// <param name="RecentTrades">The latest trades, newest first.</param>
/// <param name="TradeCount">How many trades were received since the start.</param>
/// <param name="Ticker">The latest 24-hour ticker (<c>f</c>), or null before the first one.</param>
/// <param name="Balances">The latest balances, or null before the first ones.</param>
/// <param name="OpenOrders">The user's working orders on <paramref name="Symbol"/>, newest first.</param>
/// <param name="RecentExecutionReports">The latest execution reports of the user, newest first.</param>
/// <param name="Connection">The connection state as text, e.g. <c>Connected</c>.</param>
/// <param name="LastError">The latest problem the client reported, or null.</param>
/// <param name="LastNotice">The latest notice (see <see cref="MarketState.Notice"/>), or null.</param>
/// <param name="Health">The connection's health line (heartbeat round trip, reconnects), or null before the first heartbeat.</param>
internal sealed record MarketSnapshot(
    string Symbol,
    OrderBookSnapshot? Book,
    IReadOnlyList<MarketTrade> RecentTrades,
    long TradeCount,
    Ticker? Ticker,
    BalanceSnapshot? Balances,
    IReadOnlyList<ExecutionReport> OpenOrders,
    IReadOnlyList<ExecutionReport> RecentExecutionReports,
    string Connection,
    string? LastError,
    string? LastNotice,
    string? Health = null)
{
    /// <summary>The base currency of the symbol (BlinkTrade symbols are two three-letter codes, e.g. BTC of BTCUSD).</summary>
    public string BaseCurrency => Symbol.Length == 6 ? Symbol[..3] : Symbol;

    /// <summary>The quote currency of the symbol (USD of BTCUSD).</summary>
    public string QuoteCurrency => Symbol.Length == 6 ? Symbol[3..] : string.Empty;
}
