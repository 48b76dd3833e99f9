using System.Diagnostics;
using Xunit.Abstractions;

namespace BlinkTrade.Packaging.Tests;

/// <summary>
/// The README's quickstart works verbatim: pasted into a fresh console project that references the packed packages,
/// it builds with warnings as errors and runs. Every C# block after it (market data, trading, logging, API keys,
/// protocol) pasted below it in README order, into the same <c>Program.cs</c>, builds and runs too.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ReadmeQuickstartTests(PackagesFixture packages, ITestOutputHelper output)
{
    private readonly ReadmeSnippets _readme = ReadmeSnippets.Load(packages.RepositoryRoot);

    [Fact]
    public void The_quickstart_is_at_most_15_lines_of_code_and_is_followed_by_continuations()
    {
        // The using lines of every snippet sit at its top (C# wants them before any statement): count the code.
        var code = _readme.Quickstart.Split('\n').Count(line => line.Length > 0 && !ReadmeSnippets.IsUsingDirective(line));
        Assert.InRange(code, 5, 15);
        Assert.Contains("ReferenceExchange.StartAsync", _readme.Quickstart, StringComparison.Ordinal);
        Assert.NotEmpty(_readme.Continuations);
        Assert.DoesNotContain(_readme.Continuations, block => block.Split('\n').Any(ReadmeSnippets.IsUsingDirective)); // CS1529 after statements
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
    public async Task Every_csharp_block_pasted_in_order_into_one_program_builds_and_runs()
    {
        // The logging snippet's console logger is the one extra package the README's Install section names.
        var project = await ConsumerProject.CreateAsync(packages, "ReadmeProgram", _readme.Program, "Microsoft.Extensions.Logging.Console");
        await ConsumerProject.BuildAsync(project);
        var run = await ConsumerProject.RunAsync(project);
        output.WriteLine($"{_readme.Continuations.Count} continuations, {_readme.Fragments} fragments not compiled");
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("New: buy 0.5 BTCUSD at 600", run.Output, StringComparison.Ordinal);
        Assert.Contains("best bid 0.5 @ 600, 1 levels", run.Output, StringComparison.Ordinal);
        Assert.Contains("Rejected: OrderExceedsLimit", run.Output, StringComparison.Ordinal);      // the IOC sell without BTC
        Assert.Contains("Cancelled, open orders: 0", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Logged in as user \d+ \(broker 5\)", run.Output);                        // the client's own log line
        Assert.Contains("second session up: LoggedIn", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("alice-pw-1", run.Output, StringComparison.Ordinal);                   // never logged
        Assert.Matches(@"created key \d+: PENDING_APPROVAL", run.Output);                              // a new key waits for the broker
        Assert.Contains("key bot: PENDING_APPROVAL", run.Output, StringComparison.Ordinal);
        Assert.Contains("parsed NewOrderSingle D", run.Output, StringComparison.Ordinal);
    }
}
