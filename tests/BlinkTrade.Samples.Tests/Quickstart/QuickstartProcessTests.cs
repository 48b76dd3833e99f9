using System.Globalization;
using System.Text.RegularExpressions;
using BlinkTrade.Samples.Tests.Support;

namespace BlinkTrade.Samples.Tests.Quickstart;

/// <summary>
/// The quickstart as a user (or CI) runs it: a real process, output redirected, so it prints plain text lines.
/// These tests read those lines the way a person would: is there a book, do trades happen, are there balances, did
/// the demonstration order get its New and Cancelled reports.
/// </summary>
public sealed partial class QuickstartProcessTests
{
    // Long enough for the demo order's two seconds on the book to fall inside the run even when start-up is slow.
    private const int DurationSeconds = 6;

    // Start-up (runtime, Kestrel) and shutdown on a busy 2-core CI machine, on top of --duration.
    private static readonly TimeSpan ExitMargin = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Without_arguments_it_shows_a_live_two_sided_market_with_trades_balances_and_the_demo_order_then_exits_cleanly()
    {
        var run = await QuickstartProcess.RunAsync(TimeSpan.FromSeconds(DurationSeconds) + ExitMargin + TimeSpan.FromSeconds(5),
            "--duration", DurationSeconds.ToString(CultureInfo.InvariantCulture));
        var context = $"\nstdout:\n{run.Output}\nstderr:\n{run.Error}";

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}{context}");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(DurationSeconds) + ExitMargin, $"took {run.Elapsed}{context}");
        Assert.True(run.Elapsed >= TimeSpan.FromSeconds(DurationSeconds - 0.5), $"stopped early after {run.Elapsed}{context}");
        Assert.True(string.IsNullOrWhiteSpace(run.Error), $"unexpected standard error{context}");
        Assert.DoesNotContain("Exception", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("last error", run.Output, StringComparison.Ordinal); // neither the client nor the simulation had a problem

        // Status lines: book bid <size>@<price> ask <size>@<price> | … | trades <n> | BTC <available>/<locked> USD <available>/<locked> | …
        var status = run.Lines.Select(line => StatusLine().Match(line)).Where(m => m.Success).ToList();
        Assert.True(status.Count >= 2, $"expected a status line per second{context}");
        foreach (var line in status)
        {
            var bid = decimal.Parse(line.Groups["bid"].Value, CultureInfo.InvariantCulture);
            var ask = decimal.Parse(line.Groups["ask"].Value, CultureInfo.InvariantCulture);
            Assert.True(bid > 0 && ask > bid, $"not a two-sided book: {line.Value}{context}");
            Assert.True(decimal.Parse(line.Groups["btc"].Value, CultureInfo.InvariantCulture) > 0, $"no BTC balance: {line.Value}");
            Assert.True(decimal.Parse(line.Groups["usd"].Value, CultureInfo.InvariantCulture) > 0, $"no USD balance: {line.Value}");
        }
        var trades = status.Select(m => long.Parse(m.Groups["trades"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(trades[^1] > trades[0], $"the trade count did not rise: {string.Join(", ", trades)}{context}");
        Assert.True(trades.Zip(trades.Skip(1)).All(p => p.Second >= p.First), $"the trade count went down: {string.Join(", ", trades)}");

        // The demonstration order: accepted (New), then cancelled, both for the same order id.
        var reports = run.Lines.Select(line => ExecutionReportLine().Match(line)).Where(m => m.Success).ToList();
        var placed = Assert.Single(reports, m => m.Groups["exec"].Value == "New");
        var cancelled = Assert.Single(reports, m => m.Groups["exec"].Value == "Cancelled");
        Assert.Equal(placed.Groups["order"].Value, cancelled.Groups["order"].Value);
        Assert.Equal("Buy", placed.Groups["side"].Value);
        Assert.True(run.Lines.ToList().FindIndex(l => l == placed.Value) < run.Lines.ToList().FindIndex(l => l == cancelled.Value), "Cancelled before New");
        // While it rested, it was an open order.
        Assert.Contains(run.Lines, line => line.Contains("| orders 1 |", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^book bid (?<bidSize>[\d.]+)@(?<bid>[\d.]+) ask (?<askSize>[\d.]+)@(?<ask>[\d.]+) \|.*\| trades (?<trades>\d+) \| BTC (?<btc>[\d.]+)/(?<btcLocked>[\d.]+) USD (?<usd>[\d.]+)/(?<usdLocked>[\d.]+) \|")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^exec (?<exec>\w+) (?<side>\w+) (?<qty>[\d.]+)@(?<price>[\d.]+) BTCUSD status (?<status>\w+) .* order (?<order>\d+)")]
    private static partial Regex ExecutionReportLine();
}
