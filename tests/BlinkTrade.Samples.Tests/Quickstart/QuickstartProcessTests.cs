using System.Globalization;
using System.Text.RegularExpressions;
using BlinkTrade.Samples.Tests.Support;

namespace BlinkTrade.Samples.Tests.Quickstart;

/// <summary>
/// The quickstart as a user (or CI) runs it: a real process, output redirected, so it prints plain text lines.
/// These tests read those lines as they come, the way a person would: is there a book, do trades happen, are there
/// balances, did the demonstration order get its New and Cancelled reports — each awaited as an event, so a slow,
/// loaded machine only makes them slower, never wrong.
/// </summary>
public sealed partial class QuickstartProcessTests
{
    [Fact]
    public async Task Without_arguments_it_shows_a_live_two_sided_market_with_trades_balances_and_the_demo_order_then_stops_cleanly_on_sigterm()
    {
        await using var quickstart = QuickstartProcess.Start();

        await quickstart.WaitForLineAsync(line => line == "Ready: showing BTCUSD until Ctrl+C.", "ready line");
        // Status lines: book bid <size>@<price> ask <size>@<price> | … | trades <n> | BTC <available>/<locked> USD <available>/<locked> | …
        var first = StatusLine().Match(await quickstart.WaitForLineAsync(StatusLine().IsMatch, "status line"));
        var firstTrades = Trades(first);
        await quickstart.WaitForLineAsync(line => StatusLine().Match(line) is { Success: true } m && Trades(m) > firstTrades, "status line with more trades");

        // The demonstration order: accepted (New), then cancelled, both for the same order id.
        var placed = ExecutionReportLine().Match(await quickstart.WaitForLineAsync(line => ExecutionReportLine().Match(line).Groups["exec"].Value == "New", "New report"));
        var cancelled = ExecutionReportLine().Match(await quickstart.WaitForLineAsync(line => ExecutionReportLine().Match(line).Groups["exec"].Value == "Cancelled", "Cancelled report"));

        var run = await quickstart.StopAsync();
        var context = quickstart.Transcript;
        var lines = run.Lines.ToList();

        Assert.Equal("Buy", placed.Groups["side"].Value);
        Assert.Equal(placed.Groups["order"].Value, cancelled.Groups["order"].Value);
        var placedAt = lines.FindIndex(line => line.StartsWith(placed.Value, StringComparison.Ordinal));
        Assert.True(placedAt < lines.FindIndex(line => line.StartsWith(cancelled.Value, StringComparison.Ordinal)), $"Cancelled before New{context}");
        // Each report is followed by the status it led to: while the order rested, it was an open order.
        Assert.Contains("| orders 1 |", lines[placedAt + 1], StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}{context}");
        Assert.True(string.IsNullOrWhiteSpace(run.Error), $"unexpected standard error{context}");
        Assert.DoesNotContain("Exception", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("last error", run.Output, StringComparison.Ordinal); // neither the client nor the simulation had a problem
        Assert.True(lines.IndexOf("Ready: showing BTCUSD until Ctrl+C.") < lines.FindIndex(StatusLine().IsMatch), $"status before ready{context}");
        Assert.Single(run.Lines, line => ExecutionReportLine().Match(line).Groups["exec"].Value == "New");
        Assert.Single(run.Lines, line => ExecutionReportLine().Match(line).Groups["exec"].Value == "Cancelled");
        Assert.Matches(@"^Stopped after \d+\.\d s \(Ctrl\+C or SIGTERM\)\.$", run.Lines[^1]);

        var status = run.Lines.Select(line => StatusLine().Match(line)).Where(m => m.Success).ToList();
        foreach (var line in status)
        {
            var bid = decimal.Parse(line.Groups["bid"].Value, CultureInfo.InvariantCulture);
            var ask = decimal.Parse(line.Groups["ask"].Value, CultureInfo.InvariantCulture);
            Assert.True(bid > 0 && ask > bid, $"not a two-sided book: {line.Value}{context}");
            Assert.True(decimal.Parse(line.Groups["btc"].Value, CultureInfo.InvariantCulture) > 0, $"no BTC balance: {line.Value}");
            Assert.True(decimal.Parse(line.Groups["usd"].Value, CultureInfo.InvariantCulture) > 0, $"no USD balance: {line.Value}");
        }
        var trades = status.Select(Trades).ToList();
        Assert.True(trades.Zip(trades.Skip(1)).All(p => p.Second >= p.First), $"the trade count went down: {string.Join(", ", trades)}");
        // The last status line (printed while stopping) shows the final state: the demo order is gone.
        Assert.True(run.Lines.Last(StatusLine().IsMatch).Contains("| orders 0 |", StringComparison.Ordinal), $"the demo order is still open at the end{context}");
    }

    [Fact]
    public async Task Duration_counts_from_ready_and_the_run_ends_by_itself_saying_why()
    {
        const double Seconds = 1.5;
        await using var quickstart = QuickstartProcess.Start("--duration", Seconds.ToString(CultureInfo.InvariantCulture));

        var lines = (await quickstart.WaitForExitAsync()).Lines;
        var context = quickstart.Transcript;

        var ready = lines.ToList().IndexOf("Ready: showing BTCUSD for 1.5 s.");
        Assert.True(ready >= 0, $"no ready line{context}");
        Assert.True(lines.Take(ready).All(l => !StatusLine().IsMatch(l)), $"status before ready{context}");
        Assert.Contains(lines.Skip(ready), StatusLine().IsMatch); // the final state, at least
        // The quickstart measures its own run from ready to stop: at least the duration, start-up not included.
        var stopped = Regex.Match(lines[^1], @"^Stopped after (?<seconds>\d+\.\d) s \(--duration\)\.$");
        Assert.True(stopped.Success, $"no stop line{context}");
        Assert.True(double.Parse(stopped.Groups["seconds"].Value, CultureInfo.InvariantCulture) >= Seconds - 0.05, context);
    }

    private static long Trades(Match status) => long.Parse(status.Groups["trades"].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^book bid (?<bidSize>[\d.]+)@(?<bid>[\d.]+) ask (?<askSize>[\d.]+)@(?<ask>[\d.]+) \|.*\| trades (?<trades>\d+) \| BTC (?<btc>[\d.]+)/(?<btcLocked>[\d.]+) USD (?<usd>[\d.]+)/(?<usdLocked>[\d.]+) \|")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^exec (?<exec>\w+) (?<side>\w+) (?<qty>[\d.]+)@(?<price>[\d.]+) BTCUSD status (?<status>\w+) .* order (?<order>\d+)")]
    private static partial Regex ExecutionReportLine();
}
