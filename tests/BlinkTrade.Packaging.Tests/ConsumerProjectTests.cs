using System.Diagnostics;
using Xunit.Abstractions;

namespace BlinkTrade.Packaging.Tests;

/// <summary>
/// A brand-new console project references the three packages by version from the temporary feed, restores, builds
/// with warnings as errors, and trades against the embedded reference exchange.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ConsumerProjectTests(PackagesFixture packages, ITestOutputHelper output)
{
    private const string Program = """
        using BlinkTrade.ApiKeys;
        using BlinkTrade.Client;
        using BlinkTrade.Client.Protocol;
        using BlinkTrade.Client.Trading;
        using BlinkTrade.Testing;

        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions { PasswordHashIterations = 1 });
        await exchange.CreateBrokerAsync(5, "exchange");
        await exchange.CreateInstrumentAsync("BTCUSD", "BTC", "USD");
        var alice = await exchange.CreateUserAsync("alice", "alice-pw-1", brokerId: 5);
        await exchange.CreditAsync(alice, "USD", new(1_000 * 100_000_000L));

        await using var client = new BlinkTradeClient(new BlinkTradeClientOptions
        {
            Endpoint = new Uri("ws://reference-exchange.test/trade/"),
            Transport = exchange.CreateInMemoryTransport(),
            BrokerId = 5,
            Credentials = BlinkTradeCredentials.FromPassword("alice", "alice-pw-1"),
        });
        await client.ConnectAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Console.WriteLine($"state={client.State}");

        var report = await client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(0.5m), Price.FromDecimal(600m)));
        Console.WriteLine($"er new={report.OrdStatus == OrdStatus.New} leaves={report.LeavesQty} price={report.Price}");
        Console.WriteLine($"bids={(await exchange.GetBookAsync("BTCUSD")).Bids.Count}");
        Console.WriteLine($"apikeys={typeof(ApiKeysClient).Assembly.GetName().Name}");
        """;

    [Fact]
    public async Task A_fresh_console_project_restores_the_packages_by_version_builds_and_trades()
    {
        var project = await ConsumerProject.CreateAsync(packages, "Consumer", Program);

        var clock = Stopwatch.StartNew();
        var build = await ConsumerProject.BuildAsync(project);
        var run = await ConsumerProject.RunAsync(project);
        output.WriteLine($"pack {packages.PackTime.TotalSeconds:F1} s, restore+build {build.Elapsed.TotalSeconds:F1} s, run {run.Elapsed.TotalSeconds:F1} s (consumer total {clock.Elapsed.TotalSeconds:F1} s)");
        output.WriteLine(run.Output);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("state=LoggedIn", run.Output, StringComparison.Ordinal);
        Assert.Contains("er new=True leaves=0.5 price=600", run.Output, StringComparison.Ordinal);
        Assert.Contains("bids=1", run.Output, StringComparison.Ordinal);
        Assert.Contains("apikeys=BlinkTrade.ApiKeys", run.Output, StringComparison.Ordinal);
        // The restored packages really are the ones just packed.
        Assert.True(File.Exists(Path.Combine(PackagesFixture.GlobalPackagesFolder, "blinktrade.testing", packages.Version.ToLowerInvariant(), "blinktrade.testing.nuspec")));
    }
}
