using BlinkTrade.Client.Account;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Quickstart.State;
using BlinkTrade.Quickstart.View;

namespace BlinkTrade.Samples.Tests.Quickstart;

public sealed class PlainTextFormatterTests
{
    [Fact]
    public void The_status_line_shows_the_top_of_book_ticker_trade_count_balances_and_orders()
    {
        var state = new MarketState("BTCUSD");
        state.OnBook(TestData.Book((620.10m, 0.25m), (620.10m, 0.25m), (619m, 3m)));
        state.OnTicker(new Ticker
        {
            Symbol = "BTCUSD",
            LastPx = Price.FromDecimal(620.15m),
            HighPx = Price.FromDecimal(625m),
            LowPx = Price.FromDecimal(610.5m),
            SellVolume = Quantity.FromDecimal(12.5m),
        });
        state.OnTrade(TestData.Trade(1, 620.15m));
        state.OnTrade(TestData.Trade(2, 620.15m));
        state.OnBalances(new BalanceSnapshot(new Dictionary<int, BrokerBalances>
        {
            [5] = new([
                new("BTC", new CurrencyBalance(Amount.FromDecimal(2m), Amount.FromDecimal(0.5m))),
                new("USD", new CurrencyBalance(Amount.FromDecimal(5000m), Amount.FromDecimal(5.57m))),
            ]),
        }, DateTimeOffset.UnixEpoch));
        state.OnConnection("LoggedIn");

        var line = PlainTextFormatter.StatusLine(state.Snapshot());

        // The best bid adds up the two orders at 620.10; the asks of the sample book are one dollar higher.
        Assert.Equal(
            "book bid 0.500@620.10 ask 0.500@621.10 | last 620.15 high 625.00 low 610.50 vol 12.500 | trades 2 | " +
            "BTC 1.500/0.500 USD 4994.43/5.57 | orders 0 | LoggedIn",
            line);
    }

    [Fact]
    public void Before_any_data_the_status_line_says_so_instead_of_failing()
    {
        var line = PlainTextFormatter.StatusLine(new MarketState("BTCUSD").Snapshot());

        Assert.Equal("book bid none ask none | last - high - low - vol - | trades 0 | BTC -/- USD -/- | orders 0 | Disconnected", line);
    }

    [Fact]
    public void The_last_error_is_appended()
    {
        var state = new MarketState("BTCUSD");
        state.OnError("ServerError: Not authorized");

        Assert.EndsWith("| Disconnected | last error: ServerError: Not authorized", PlainTextFormatter.StatusLine(state.Snapshot()), StringComparison.Ordinal);
    }

    [Fact]
    public void An_execution_report_line_names_the_event_the_order_and_its_quantities()
    {
        Assert.Equal("exec New Buy 0.010@557.00 BTCUSD status New cum 0.000 leaves 0.010 order 42",
            PlainTextFormatter.ExecutionReportLine(TestData.Report(42, ExecType.New, OrdStatus.New)));
        Assert.Equal("exec Rejected Buy 0.010@557.00 BTCUSD status Rejected cum 0.000 leaves 0.000 order 42 (Insufficient funds)",
            PlainTextFormatter.ExecutionReportLine(TestData.Report(42, ExecType.Rejected, OrdStatus.Rejected) with { Text = "Insufficient funds" }));
    }
}
