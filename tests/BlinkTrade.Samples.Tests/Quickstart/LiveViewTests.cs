using System.Globalization;
using System.Text.RegularExpressions;
using BlinkTrade.Client.Account;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Quickstart.State;
using BlinkTrade.Quickstart.View;
using BlinkTrade.Samples.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;
using Xunit.Abstractions;

namespace BlinkTrade.Samples.Tests.Quickstart;

/// <summary>
/// The live dashboard drawn into a fixed-size text console: it fits the terminal by showing less, never by cutting or
/// wrapping a number.
/// </summary>
public sealed partial class LiveViewTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(80, 24, 3)]
    [InlineData(100, 30, 5)]
    [InlineData(160, 50, LiveLayout.MaxLevels)]
    public void Every_price_and_size_is_drawn_whole_and_the_frame_fits_the_terminal(int width, int height, int minLevels)
    {
        var snapshot = BusySnapshot();

        var screen = TextConsole.Draw(LiveView.Render(snapshot, TextConsole.Capabilities, new(width, height), final: false), width, height);
        var lines = screen.TrimEnd('\n').Split('\n');
        var context = $"\n{screen}";
        output.WriteLine($"{width}x{height}:{context}");

        Assert.True(lines.Length <= height - 1, $"{lines.Length} lines on a {height}-line terminal{context}");
        Assert.All(lines, line => Assert.True(line.Length <= width, $"a line of {line.Length} columns on a {width}-column terminal: {line}"));
        Assert.DoesNotContain("…", screen, StringComparison.Ordinal); // nothing cut off with an ellipsis
        var drawn = Number().Matches(screen).Select(m => m.Value).ToList();
        var whole = WholeNumbers(snapshot);
        Assert.All(drawn, number => Assert.True(whole.Contains(number), $"'{number}' is not a whole price, size or id of the snapshot{context}"));
        // Fewer levels on a small terminal, but always the best of both sides and a few more.
        var bids = BookLevel.Aggregate(snapshot.Book!.Bids, LiveLayout.MaxLevels);
        var asks = BookLevel.Aggregate(snapshot.Book!.Asks, LiveLayout.MaxLevels);
        Assert.All(bids.Take(minLevels).Concat(asks.Take(minLevels)), level => Assert.Contains(Formats.Of(level.Price), screen, StringComparison.Ordinal));
        Assert.Contains("your balances", screen, StringComparison.Ordinal);
        Assert.Contains("Ctrl+C to quit", screen, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_terminal_shows_every_section_and_all_ten_levels()
    {
        var snapshot = BusySnapshot();

        var layout = LiveView.Fit(snapshot, TextConsole.Capabilities, new(160, 50), final: false);

        Assert.Equal(LiveLayout.Richest, layout);
    }

    [Fact]
    public void A_small_terminal_gets_fewer_levels_and_rows_not_a_squeezed_table()
    {
        var snapshot = BusySnapshot();

        var layout = LiveView.Fit(snapshot, TextConsole.Capabilities, new(80, 24), final: false);

        Assert.InRange(layout.Levels, 3, LiveLayout.MaxLevels - 1);
        Assert.True(layout.ShowReports, $"{layout}"); // the demo order's reports stay visible
    }

    [Fact]
    public void The_final_frame_says_the_sample_stopped_instead_of_ctrl_c_to_quit()
    {
        var screen = TextConsole.Draw(LiveView.Render(BusySnapshot(), TextConsole.Capabilities, new(160, 50), final: true), 160, 50);

        Assert.DoesNotContain("Ctrl+C", screen, StringComparison.Ordinal);
        Assert.Contains("stopped", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resize_starts_a_fresh_display_on_a_cleared_screen_drawn_for_the_new_size()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var screen = new ObservedWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(screen),
        });
        console.Profile.Width = 160;
        console.Profile.Height = 50;
        console.Profile.Capabilities.Unicode = true;
        var state = new MarketState("BTCUSD");
        state.OnBook(TestData.Book((620.10m, 0.25m), (619m, 3m)));
        using var stop = new CancellationTokenSource();
        var running = new LiveView(console, clock).RunAsync(state, stop.Token);

        await screen.WaitUntilAsync(text => text.Contains("Ctrl+C to quit", StringComparison.Ordinal), "the first frame");
        console.Profile.Width = 80;
        console.Profile.Height = 24;
        clock.Advance(TimeSpan.FromSeconds(1)); // the next refresh notices the new size
        await screen.WaitUntilAsync(text => AfterClear(text)?.Contains("Ctrl+C to quit", StringComparison.Ordinal) == true, "a frame after a cleared screen");
        await stop.CancelAsync();
        await running;

        var redrawn = AnsiEscape().Replace(AfterClear(screen.Text)!, "\n").ReplaceLineEndings("\n");
        Assert.All(redrawn.Split('\n'), line => Assert.True(line.Length <= 80, $"a {line.Length}-column line after the resize to 80: {line}"));
        Assert.Contains("stopped", redrawn, StringComparison.Ordinal); // and the final frame at the new size
    }

    private static string? AfterClear(string text) => text.IndexOf(ClearScreen, StringComparison.Ordinal) is var at and >= 0 ? text[(at + ClearScreen.Length)..] : null;

    private const string ClearScreen = "\u001b[2J";

    // Cursor movement and erasing: each one starts a new stretch of text on the screen.
    [GeneratedRegex(@"\u001b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    // Every number the view may draw, formatted as the views format it: a drawn number outside this set was cut or
    // wrapped (e.g. "620." or "62" of "620.10").
    private static HashSet<string> WholeNumbers(MarketSnapshot snapshot)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var level in BookLevel.Aggregate(snapshot.Book!.Bids, LiveLayout.MaxLevels).Concat(BookLevel.Aggregate(snapshot.Book.Asks, LiveLayout.MaxLevels)))
        {
            numbers.UnionWith([Formats.Of(level.Price), Formats.Of(level.Size), Formats.Of(level.Cumulative)]);
        }
        numbers.Add(Formats.Of(snapshot.Book.Asks[0].Price - snapshot.Book.Bids[0].Price)); // the spread
        var t = snapshot.Ticker!;
        numbers.UnionWith([Formats.OfTicker(t.LastPx), Formats.OfTicker(t.HighPx), Formats.OfTicker(t.LowPx), Formats.OfTicker(t.BestBid),
            Formats.OfTicker(t.BestAsk), Formats.Of(t.BaseVolume24h), snapshot.TradeCount.ToString(CultureInfo.InvariantCulture)]);
        foreach (var trade in snapshot.RecentTrades)
        {
            numbers.UnionWith([Formats.Of(trade.Price), Formats.Of(trade.Size), trade.Time!.Value.ToString("HH:mm:ss", CultureInfo.InvariantCulture)]);
        }
        foreach (var (currency, isFiat) in new[] { ("BTC", false), ("USD", true) })
        {
            var balance = snapshot.Balances!.Get(currency)!.Value;
            numbers.UnionWith([Formats.Of(balance.Available, isFiat), Formats.Of(balance.Locked, isFiat), Formats.Of(balance.Total, isFiat)]);
        }
        foreach (var report in snapshot.OpenOrders.Concat(snapshot.RecentExecutionReports))
        {
            numbers.UnionWith([report.OrderID.ToString(CultureInfo.InvariantCulture), Formats.Of(report.Price), Formats.Of(report.OrderQty),
                Formats.Of(report.CumQty), Formats.Of(report.LeavesQty)]);
        }
        numbers.UnionWith(Number().Matches(snapshot.LastNotice!).Select(m => m.Value));
        return numbers;
    }

    // A busy moment: deep book, wide ids and statuses, an open order and a notice — the widest content the view meets.
    private static MarketSnapshot BusySnapshot()
    {
        var bids = Enumerable.Range(0, 14).Select(i => new OrderBookEntry(Price.FromDecimal(12_619.87m - i * 0.13m), Quantity.FromDecimal(0.5m + i * 0.731m), i + 1, null, null)).ToArray();
        var asks = Enumerable.Range(0, 14).Select(i => new OrderBookEntry(Price.FromDecimal(12_620.08m + i * 0.17m), Quantity.FromDecimal(1.341m + i * 0.219m), 100 + i, null, null)).ToArray();
        var book = new OrderBookSnapshot("BTCUSD", bids, asks, 7, false, DateTimeOffset.UnixEpoch);
        var trades = Enumerable.Range(0, MarketState.HistoryLength)
            .Select(i => new MarketTrade("BTCUSD", 900 + i, Price.FromDecimal(12_619.91m + i * 0.07m), Quantity.FromDecimal(0.123m + i), i % 2 == 0 ? Side.Buy : Side.Sell,
                1, 2, 3, 4, null, new TimeOnly(13, 0).Add(TimeSpan.FromSeconds(i * 7))))
            .ToArray();
        var ticker = new Ticker
        {
            Symbol = "BTCUSD",
            LastPx = Price.FromDecimal(12_619.93m),
            HighPx = Price.FromDecimal(12_688.40m),
            LowPx = Price.FromDecimal(12_561.05m),
            BestBid = Price.FromDecimal(12_619.87m),
            BestAsk = Price.FromDecimal(12_620.08m),
            SellVolume = Quantity.FromDecimal(1_234.567m),
        };
        var balances = new BalanceSnapshot(new Dictionary<int, BrokerBalances>
        {
            [5] = new([
                new("BTC", new CurrencyBalance(Amount.FromDecimal(12.34567891m), Amount.FromDecimal(0.5m))),
                new("USD", new CurrencyBalance(Amount.FromDecimal(1_234_567.89m), Amount.FromDecimal(126.2m))),
            ]),
        }, DateTimeOffset.UnixEpoch);
        var open = Enumerable.Range(0, 2).Select(i => TestData.Report(1_459_028_830_043 + i, ExecType.New, OrdStatus.New) with { Price = Price.FromDecimal(11_357m + i) }).ToArray();
        var reports = new[]
        {
            TestData.Report(1_459_028_830_041, ExecType.Cancelled, OrdStatus.Cancelled),
            TestData.Report(1_459_028_830_042, ExecType.PartiallyFilled, OrdStatus.PartiallyFilled) with { CumQty = Quantity.FromDecimal(0.005m), LeavesQty = Quantity.FromDecimal(0.005m) },
            TestData.Report(1_459_028_830_043, ExecType.New, OrdStatus.New),
            TestData.Report(1_459_028_830_044, ExecType.Rejected, OrdStatus.Rejected),
            TestData.Report(1_459_028_830_045, ExecType.New, OrdStatus.New),
            TestData.Report(1_459_028_830_046, ExecType.Cancelled, OrdStatus.Cancelled),
        };
        return new MarketSnapshot("BTCUSD", book, trades.Reverse().ToArray(), 4_321, ticker, balances, open, reports, "LoggedIn", null,
            "demo order 1459028830043: buy 0.010 @ 11357.00, cancelling in 2 s");
    }

    // A number as drawn: digits with dots or colons inside (prices, sizes, ids, times), not part of a word like "24h".
    [GeneratedRegex(@"(?<![\w.:])\d[\d.:]*(?!\w)")]
    private static partial Regex Number();
}
