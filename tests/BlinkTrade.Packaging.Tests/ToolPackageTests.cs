using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using Xunit.Abstractions;

namespace BlinkTrade.Packaging.Tests;

/// <summary>
/// The standalone reference exchange as another language's test suite meets it: installed as a local .NET tool from
/// the packed feed, started on port 0, found through the one JSON line it prints, and traded against.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class ToolPackageTests(PackagesFixture packages, ITestOutputHelper output)
{
    // Start-up on a loaded 2-core machine: a safety net only, the test waits for the line itself.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_exchange_installs_as_a_local_tool_prints_its_bound_urls_on_port_0_and_serves_a_client()
    {
        var folder = Path.Combine(packages.WorkDirectory, "tool-user");
        Directory.CreateDirectory(folder);
        // What `dotnet new tool-manifest` writes, and a nuget.config with the feed (what `--add-source ./feed` would give).
        Directory.CreateDirectory(Path.Combine(folder, ".config"));
        await File.WriteAllTextAsync(Path.Combine(folder, ".config", "dotnet-tools.json"), """{ "version": 1, "isRoot": true, "tools": {} }""");
        await ConsumerProject.WriteNuGetConfigAsync(packages, folder);

        var install = await DotNet.RunAsync(folder, ["tool", "install", PackagesFixture.ToolPackageId, "--version", packages.Version]);
        output.WriteLine($"install {install.Elapsed.TotalSeconds:F1} s: {install.Output}");

        // A stand-in OpenTelemetry collector: the tool, started with --otlp-endpoint, pushes its meter there.
        using var collector = StartCollector(out var collectorUrl);
        var exported = collector.GetContextAsync();

        // No seed.json in this folder: the tool falls back to the example seed it ships beside its executable.
        var start = DotNet.StartInfo(folder, ["tool", "run", "blinktrade-exchange", "--", "--urls", "http://127.0.0.1:0", "--seed", "seed.json", "--quiet", "--otlp-endpoint", collectorUrl]);
        start.Environment["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
        using var server = Process.Start(start)!;
        var log = server.StandardError.ReadToEndAsync();
        try
        {
            var line = await server.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout);
            if (line is null)
            {
                await server.WaitForExitAsync();
                Assert.Fail($"the tool exited ({server.ExitCode}) without its listening line:\n{await log}");
            }
            output.WriteLine(line);
            using var listening = JsonDocument.Parse(line);
            Assert.Equal("listening", listening.RootElement.GetProperty("event").GetString());
            var url = new Uri(Assert.Single(listening.RootElement.GetProperty("urls").EnumerateArray()).GetString()!);
            var webSocket = new Uri(listening.RootElement.GetProperty("webSocket").GetString()!);
            Assert.NotEqual(0, url.Port);                                            // port 0 was resolved
            Assert.Equal($"ws://127.0.0.1:{url.Port}/trade/", webSocket.ToString());
            Assert.Equal($"http://127.0.0.1:{url.Port}/api/v1/apikey/", listening.RootElement.GetProperty("rest").GetString());

            // The example seed's alice (broker 5, password abc12345) logs in and places an order.
            using var budget = new CancellationTokenSource(StartTimeout);
            await using var client = new BlinkTradeClient(new BlinkTradeClientOptions
            {
                Endpoint = webSocket,
                BrokerId = 5,
                Credentials = BlinkTradeCredentials.FromPassword("alice", "abc12345"),
            });
            await client.ConnectAsync(budget.Token);
            Assert.Equal(ConnectionState.LoggedIn, client.State);
            var report = await client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(0.5m), Price.FromDecimal(600m)), budget.Token);
            Assert.Equal(OrdStatus.New, report.OrdStatus);
            Assert.Equal(Quantity.FromDecimal(0.5m), report.LeavesQty);

            // The probes answer, and the meter reached the collector as OTLP/HTTP.
            using var http = new HttpClient { BaseAddress = url };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("healthz", UriKind.Relative), budget.Token)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("readyz", UriKind.Relative), budget.Token)).StatusCode);
            var export = await exported.WaitAsync(budget.Token);
            Assert.Equal(("POST", "/v1/metrics", "application/x-protobuf"), (export.Request.HttpMethod, export.Request.Url!.AbsolutePath, export.Request.ContentType));
            export.Response.StatusCode = 200;
            export.Response.Close();
        }
        finally
        {
            collector.Stop();
            // `dotnet tool run` starts the tool as a child process: stop the whole tree.
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            output.WriteLine(await log);
        }
    }

    private static HttpListener StartCollector(out string url)
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }
        var listener = new HttpListener();
        listener.Prefixes.Add(url);
        listener.Start();
        return listener;
    }
}
