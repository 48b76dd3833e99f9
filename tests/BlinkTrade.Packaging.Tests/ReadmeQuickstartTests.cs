using System.Diagnostics;
using Xunit.Abstractions;

namespace BlinkTrade.Packaging.Tests;

/// <summary>
/// The README's quickstart works verbatim: pasted into a fresh console project that references the packed packages,
/// it builds with warnings as errors and runs. The README's market-data and trading snippets, which continue it, do too.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ReadmeQuickstartTests(PackagesFixture packages, ITestOutputHelper output)
{
    private readonly ReadmeSnippets _readme = ReadmeSnippets.Load(packages.RepositoryRoot);

    [Fact]
    public void The_quickstart_is_at_most_15_lines_and_is_followed_by_continuations()
    {
        var lines = _readme.Quickstart.Split('\n').Length - 1;   // the block ends with a newline before its fence
        Assert.InRange(lines, 5, 15);
        Assert.Contains("ReferenceExchange.StartAsync", _readme.Quickstart, StringComparison.Ordinal);
        Assert.NotEmpty(_readme.Continuations);
    }

    [Fact]
    public async Task The_quickstart_builds_and_runs_verbatim_against_the_packages()
    {
        var project = await ConsumerProject.CreateAsync(packages, "Quickstart", _readme.Quickstart);
        var clock = Stopwatch.StartNew();
        await ConsumerProject.BuildAsync(project);
        var run = await ConsumerProject.RunAsync(project);
        output.WriteLine($"build + run {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("New: buy 0.5 BTCUSD at 600", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_market_data_and_trading_snippets_continue_the_quickstart()
    {
        var project = await ConsumerProject.CreateAsync(packages, "ReadmeSnippets", _readme.CombinedProgram());
        await ConsumerProject.BuildAsync(project);
        var run = await ConsumerProject.RunAsync(project);
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("New: buy 0.5 BTCUSD at 600", run.Output, StringComparison.Ordinal);
        Assert.Contains("best bid 0.5 @ 600, 1 levels", run.Output, StringComparison.Ordinal);
        Assert.Contains("Rejected: OrderExceedsLimit", run.Output, StringComparison.Ordinal);      // the IOC sell without BTC
        Assert.Contains("Cancelled, open orders: 0", run.Output, StringComparison.Ordinal);
    }
}
