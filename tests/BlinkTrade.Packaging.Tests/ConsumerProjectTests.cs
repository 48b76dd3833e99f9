using System.Diagnostics;
using System.Security;
using Xunit.Abstractions;

namespace BlinkTrade.Packaging.Tests;

/// <summary>
/// A brand-new console project, outside the repository (so none of its Directory.*.props apply), references the three
/// packages by version from the temporary feed, restores, builds with warnings as errors, and trades against the
/// embedded reference exchange.
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
        await exchange.CreditAsync(alice, "USD", 1_000 * 100_000_000L);

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
        var project = Path.Combine(packages.WorkDirectory, "consumer");
        Directory.CreateDirectory(project);
        var references = string.Join(Environment.NewLine, PackagesFixture.PackageIds.Select(id => $"""    <PackageReference Include="{id}" Version="{packages.Version}" />"""));
        await File.WriteAllTextAsync(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- The audit queries a vulnerability feed: not this test's business, and it must work offline. -->
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), Program);
        // The repository's source (nuget.org) plus the temporary feed. Source mapping sends BlinkTrade.* to the feed
        // only; everything else resolves from the machine's package cache first (the versions the repo restored).
        await File.WriteAllTextAsync(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{SecurityElement.Escape(packages.Feed)}" />
                <add key="nuget.org" value="{RepositoryNuGetOrgSource()}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="BlinkTrade.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);

        var clock = Stopwatch.StartNew();
        var build = await DotNet.RunAsync(project, ["build", "-c", "Release", "-nodeReuse:false"]);
        var run = await DotNet.RunAsync(project, ["bin/Release/net10.0/Consumer.dll"], TimeSpan.FromMinutes(2), allowFailure: true);
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

    /// <summary>The nuget.org source URL of the repository's nuget.config (so the consumer uses the same registry).</summary>
    private string RepositoryNuGetOrgSource()
    {
        var config = System.Xml.Linq.XDocument.Load(Path.Combine(packages.RepositoryRoot, "nuget.config"));
        return config.Descendants("add").Single(e => e.Attribute("key")?.Value == "nuget.org").Attribute("value")!.Value;
    }
}
