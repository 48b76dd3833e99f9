namespace BlinkTrade.Testing.Tests.Compatibility;

/// <summary>
/// The original BlinkTrade JavaScript SDK (npm <c>blinktrade</c> 0.0.21), unchanged, against the reference exchange's
/// WebSocket server: connect, heartbeat, rejected and accepted login, balance, order book with live updates, send and
/// cancel an order, my orders, logout. The SDK is installed once into a temp folder with npm.
/// </summary>
public sealed class BlinkTradeJsCompatibilityTests
{
    private const string SdkVersion = "0.0.21";

    [NodeFact]
    public async Task The_original_javascript_sdk_works_unchanged()
    {
        var sdkDirectory = Path.Combine(Path.GetTempPath(), "blinktrade-js-" + SdkVersion);
        Directory.CreateDirectory(sdkDirectory);
        if (!File.Exists(Path.Combine(sdkDirectory, "node_modules", "blinktrade", "package.json")))
        {
            var npm = NodeTools.Find("npm")!;
            await File.WriteAllTextAsync(Path.Combine(sdkDirectory, "package.json"), """{"name":"blinktrade-compat","version":"1.0.0","private":true}""");
            var (code, output) = await NodeTools.RunAsync(npm, $"install --no-audit --no-fund blinktrade@{SdkVersion}", sdkDirectory, TimeSpan.FromMinutes(3));
            Assert.True(code == 0, "npm install blinktrade@" + SdkVersion + " failed:\n" + output);
        }
        var script = Path.Combine(sdkDirectory, "blinktrade-js-compat.js");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Compatibility", "blinktrade-js-compat.js"), script, overwrite: true);

        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions
        {
            EnableWebSocketServer = true,
            PasswordHashIterations = 1000,
            Seed = new ExchangeSeed
            {
                Brokers = [new SeedBroker { Id = 5, Name = "exchange", MakerFeeBps = 10, TakerFeeBps = 20 }],
                Instruments = [new SeedInstrument { Symbol = "BTCUSD", Base = "BTC", Quote = "USD", TickSize = 1_000_000, MinQty = 10_000 }],
                Users = [new SeedUser
                {
                    Username = "alice", Password = "abc12345", Email = "alice@example.com", Broker = 5,
                    Balances = new Dictionary<string, long> { ["BTC"] = 1_000_000_000, ["USD"] = 10_000_000_000_000 },
                }],
            },
        });

        var (exitCode, log) = await NodeTools.RunAsync(NodeTools.Find("node")!, $"\"{script}\" {exchange.WebSocketUri} alice abc12345", sdkDirectory, TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0 && log.Contains("COMPAT OK", StringComparison.Ordinal), log);
    }
}
