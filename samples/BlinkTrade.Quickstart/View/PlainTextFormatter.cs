using BlinkTrade.Client.Protocol;
using BlinkTrade.Quickstart.State;

namespace BlinkTrade.Quickstart.View;

/// <summary>
/// The one-line summaries of the plain-text view, stable enough to grep in CI logs:
/// <c>book bid 0.500@620.10 ask 0.300@620.20 | last 620.15 high … | trades 42 | BTC 1.990/0.010 USD 4994.42/5.58 | orders 1 | LoggedIn</c>
/// (balances are available/locked) and one line per execution report.
/// </summary>
internal static class PlainTextFormatter
{
    /// <summary>The status line of a snapshot.</summary>
    /// <param name="snapshot">The state.</param>
    /// <returns>The line.</returns>
    public static string StatusLine(MarketSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var bid = snapshot.Book is { } book ? BookLevel.Aggregate(book.Bids, 1) : [];
        var ask = snapshot.Book is { } book2 ? BookLevel.Aggregate(book2.Asks, 1) : [];
        var ticker = snapshot.Ticker;
        var parts = new List<string>
        {
            $"book bid {Side(bid)} ask {Side(ask)}",
            $"last {Formats.OfTicker(ticker?.LastPx)} high {Formats.OfTicker(ticker?.HighPx)} low {Formats.OfTicker(ticker?.LowPx)} vol {Formats.Of(ticker?.BaseVolume24h)}",
            $"trades {snapshot.TradeCount}",
            $"{Balance(snapshot, snapshot.BaseCurrency, isFiat: false)} {Balance(snapshot, snapshot.QuoteCurrency, isFiat: true)}",
            $"orders {snapshot.OpenOrders.Count}",
            snapshot.Health is { } health ? $"{snapshot.Connection} ({health})" : snapshot.Connection,
        };
        if (snapshot.LastError is { } error)
        {
            parts.Add($"last error: {error}");
        }
        return string.Join(" | ", parts);
    }

    /// <summary>The line of an execution report, e.g.
    /// <c>exec New Buy 0.01@558.00 BTCUSD status New cum 0 leaves 0.01 order 17</c>.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The line.</returns>
    public static string ExecutionReportLine(ExecutionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var line = $"exec {report.ExecType} {report.Side} {Formats.Of(report.OrderQty)}@{Formats.Of(report.Price)} {report.Symbol} " +
                   $"status {report.OrdStatus} cum {Formats.Of(report.CumQty)} leaves {Formats.Of(report.LeavesQty)} order {report.OrderID}";
        return string.IsNullOrEmpty(report.Text) ? line : $"{line} ({report.Text})";
    }

    private static string Side(IReadOnlyList<BookLevel> best) => best.Count == 0 ? "none" : $"{Formats.Of(best[0].Size)}@{Formats.Of(best[0].Price)}";

    private static string Balance(MarketSnapshot snapshot, string currency, bool isFiat)
    {
        var balance = snapshot.Balances?.Get(currency);
        return $"{currency} {Formats.Of(balance?.Available, isFiat)}/{Formats.Of(balance?.Locked, isFiat)}";
    }
}
