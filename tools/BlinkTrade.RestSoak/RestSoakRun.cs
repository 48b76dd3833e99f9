using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using BlinkTrade.ApiKeys;
using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.RestSoak.Audit;
using BlinkTrade.RestSoak.Bot;
using BlinkTrade.RestSoak.Capture;
using BlinkTrade.Testing;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.RestSoak;

/// <summary>One REST soak, start to verdict:
/// <code>
/// alice's bot (BlinkTradeRestClient ×2 on one key, ApiKeysClient) ──http──> ChaosProxy ──tcp──> ReferenceExchange (Kestrel)
/// bob (BlinkTradeClient, IOC takes) ──ws──────────────────────────────────────────────────────> same exchange (direct)
/// auditor (WebSocket session, REST clients and control API, after the run) ───────────────────> same exchange (direct)
/// </code></summary>
internal sealed class RestSoakRun(RestSoakSettings settings, SoakLog log)
{
    private const string Password = "abc12345";
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(20);

    public async Task<int> RunAsync()
    {
        var captured = new CapturedText();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(captured).SetMinimumLevel(LogLevel.Trace));
        var tradeKey = Key("{\"*\":[]}");
        var keysKey = Key("{\"*\":[]}");
        var seeded = new Dictionary<string, long> { ["BTC"] = 1_000 * RestBot.Coin, ["USD"] = 10_000_000 * RestBot.Coin };
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions
        {
            EnableWebSocketServer = true,
            WebSocketPort = 0,
            PasswordHashIterations = 10_000,
            LoggerFactory = loggerFactory,
            Seed = new ExchangeSeed
            {
                PasswordHashIterations = 10_000,
                Brokers = [new SeedBroker { Id = RestBot.BrokerId, Name = "exchange", MakerFeeBps = 10, TakerFeeBps = 20 }],
                Instruments = [new SeedInstrument { Symbol = RestBot.Symbol, Base = "BTC", Quote = "USD", TickSize = 1_000_000, MinQty = 10_000 }],
                Users = [User("alice", seeded, tradeKey, keysKey), User("bob", seeded)],
            },
        });
        var direct = exchange.HttpBaseAddress!;
        await using var proxy = new ChaosProxy(new IPEndPoint(IPAddress.Loopback, direct.Port), settings.Seed, log);
        proxy.Start();
        var viaProxy = new UriBuilder(direct) { Port = proxy.Port }.Uri;
        log.Write($"exchange {direct}, chaos proxy {viaProxy}; seed {settings.Seed}, {settings.Duration.TotalMinutes:F1} min, " +
                  $"attempt timeout {settings.AttemptTimeout.TotalSeconds} s, {settings.Workers} workers + 1 on a second client with the same key + 1 managing keys");

        var credential = new ApiKeysCredential(tradeKey.ApiKey, tradeKey.SecretKey);
        var restOptions = new BlinkTradeRestOptions { Endpoint = viaProxy, Credential = credential, AttemptTimeout = settings.AttemptTimeout };
        var keysOptions = new ApiKeysClientOptions { Endpoint = viaProxy, Credential = new ApiKeysCredential(keysKey.ApiKey, keysKey.SecretKey), AttemptTimeout = settings.AttemptTimeout };
        captured.Add("ToString", credential.ToString());
        captured.Add("ToString", keysOptions.Credential.ToString());
        captured.Add("ToString", tradeKey.ToString());
        using var mainTransport = new AttemptTimer("main", log);
        using var secondTransport = new AttemptTimer("second", log);
        using var keysTransport = new AttemptTimer("keys", log);
        using var main = new BlinkTradeRestClient(restOptions, mainTransport, loggerFactory);
        using var second = new BlinkTradeRestClient(restOptions, secondTransport, loggerFactory);
        using var keys = new ApiKeysClient(keysOptions, keysTransport, loggerFactory);
        captured.Add("ToString", main.ToString());
        captured.Add("ToString", restOptions.ToString());

        await using var bob = new BlinkTradeClient(new BlinkTradeClientOptions
        {
            Endpoint = exchange.WebSocketUri!,
            BrokerId = RestBot.BrokerId,
            Credentials = BlinkTradeCredentials.FromPassword("bob", Password),
            LoggerFactory = loggerFactory,
        });
        await bob.ConnectAsync();
        log.Write("bob logged in");

        var bot = new RestBot(main, second, keys, restOptions, keysOptions, captured, log, settings.Seed);
        var taker = new BobTaker(bob, log, settings.Seed);
        using (var stopTrading = new CancellationTokenSource(settings.Duration))
        using (var stopFaults = new CancellationTokenSource())
        {
            var faults = new FaultInjector(proxy, settings.Weights, settings.Seed, settings.Faults).RunAsync(stopFaults.Token);
            var progress = log.WriteEveryAsync(ProgressInterval, () =>
                $"progress: {bot.Calls.Count} calls, {bot.Orders.Count} orders (" +
                string.Join(", ", bot.Orders.Values.GroupBy(o => o.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")) +
                $"), {bot.Keys.Count} key creates; bob {taker.OrdersSent} IOC orders", stopTrading.Token);
            await Task.WhenAll(bot.RunAsync(settings.Workers, stopTrading.Token), taker.RunAsync(stopTrading.Token));
            await stopFaults.CancelAsync();
            await faults;
            await progress;
        }
        // A hole or a split still holding a request delivers it when it ends: wait for that (it must change nothing the
        // bot was told), then close the proxy before the exchange is read.
        var drain = TimeSpan.FromSeconds(settings.Faults.MaxHole + 12);
        log.Write($"trading stopped after {log.Elapsed.TotalSeconds:F0} s; waiting {drain.TotalSeconds:F0} s for held bytes, then reading the exchange");
        await Task.Delay(drain);
        log.Write("proxy: " + proxy.Counters, echo: false);
        await proxy.DisposeAsync();

        var truth = await ReadTruthAsync(exchange, direct, tradeKey);
        log.Write($"truth: {truth.Orders.Count} orders, {truth.OpenOrders.Count} open, {truth.Keys.Count} keys", echo: false);
        IReadOnlyList<(string Flow, double Ms, string Outcome)> attempts = [.. mainTransport.Attempts, .. secondTransport.Attempts, .. keysTransport.Attempts];
        var secrets = new[] { tradeKey.SecretKey, keysKey.SecretKey, tradeKey.ApiPassword!, keysKey.ApiPassword!, Password };
        var results = new RestSoakAudit(log, bot, attempts, captured, secrets, truth,
            seeded.ToDictionary(kv => kv.Key, kv => new Amount(kv.Value * 2)), settings.AttemptTimeout,
            new Dictionary<string, int> { ["main"] = mainTransport.MaxInFlight, ["second"] = secondTransport.MaxInFlight }).Run();

        WriteSummary(proxy.Counters, bot, taker, attempts, results);
        File.WriteAllLines(Path.Combine(settings.OutputDirectory, "calls.tsv"), bot.Calls.OrderBy(c => c.At).Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{c.At:F2}\t{c.Flow}\t{c.Kind}\t{c.Ms:F1}\t{c.BoundMs:F0}\t{c.Outcome}\t{c.Detail}")));
        File.WriteAllLines(Path.Combine(settings.OutputDirectory, "orders.tsv"), bot.Orders.Values.OrderBy(o => o.ClOrdID, StringComparer.Ordinal).Select(o =>
            string.Create(CultureInfo.InvariantCulture, $"{o.ClOrdID}\t{o.Flow}\t{o.Outcome}\t{o.OrderID}\t{o.Status}\t{o.CumQty}")));
        return results.All(r => r.Held) ? RestSoakExitCodes.AllChecksHeld : RestSoakExitCodes.CheckFailed;
    }

    private static async Task<ExchangeTruth> ReadTruthAsync(ReferenceExchange exchange, Uri direct, SeedApiKey tradeKey)
    {
        await using var auditor = new BlinkTradeClient(new BlinkTradeClientOptions
        {
            Endpoint = exchange.WebSocketUri!,
            BrokerId = RestBot.BrokerId,
            Credentials = BlinkTradeCredentials.FromPassword("alice", Password),
        });
        await auditor.ConnectAsync();
        var orders = new List<OrderListEntry>();
        await foreach (var order in auditor.GetOrdersAsync(BlinkTrade.Client.Account.OrderListFilter.All, pageSize: 100))
        {
            orders.Add(order);
        }
        var aliceId = (await exchange.FindUserIdAsync("alice"))!.Value;
        var balances = new Dictionary<string, ExchangeBalance>(StringComparer.Ordinal)
        {
            ["BTC"] = await exchange.GetBalanceAsync(aliceId, "BTC"),
            ["USD"] = await exchange.GetBalanceAsync(aliceId, "USD"),
        };
        var circulation = new Dictionary<string, Amount>(StringComparer.Ordinal)
        {
            ["BTC"] = await exchange.GetTotalInCirculationAsync("BTC"),
            ["USD"] = await exchange.GetTotalInCirculationAsync("USD"),
        };
        using var rest = new BlinkTradeRestClient(new BlinkTradeRestOptions { Endpoint = direct, Credential = new ApiKeysCredential(tradeKey.ApiKey, tradeKey.SecretKey) });
        var restBalance = (await rest.GetBalanceAsync()).Reply;
        var keys = exchange.ApiKeys.List(new BlinkTrade.Testing.ApiKeys.ApiKeyOwner(RestBot.BrokerId, aliceId), state: null, page: 1, pageSize: 100_000).Rows;
        return new ExchangeTruth
        {
            Orders = orders,
            Balances = balances,
            OpenOrders = await exchange.GetOpenOrdersAsync(aliceId),
            Circulation = circulation,
            RestBalance = restBalance,
            Keys = keys,
        };
    }

    private void WriteSummary(ProxyCounters counters, RestBot bot, BobTaker taker, IReadOnlyList<(string Flow, double Ms, string Outcome)> attempts, IReadOnlyList<CheckResult> results)
    {
        var byKind = bot.Calls.GroupBy(c => (c.Flow, c.Kind, c.Outcome)).OrderBy(g => g.Key.Flow).ThenBy(g => g.Key.Kind).ThenBy(g => g.Key.Outcome)
            .Select(g => $"{g.Key.Flow} {g.Key.Kind} {g.Key.Outcome}: {g.Count()} (max {g.Max(x => x.Ms):F0} ms, p50 {g.Select(x => x.Ms).Order().ElementAt(g.Count() / 2):F0} ms)");
        log.Write("calls:\n  " + string.Join("\n  ", byKind), echo: false);
        var attemptOutcomes = string.Join(", ", attempts.GroupBy(a => a.Outcome).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
        var held = results.Count(r => r.Held);
        var lines = new List<string>
        {
            "",
            $"== REST soak, seed {settings.Seed}, {settings.Duration.TotalMinutes:F1} min ==",
            $"faults injected:   {counters.FaultsLine()}",
            $"calls:             {bot.Calls.Count} by the bot ({string.Join(", ", bot.Calls.GroupBy(c => c.Outcome).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"))}); bob {taker.OrdersSent} IOC orders",
            $"HTTP attempts:     {attempts.Count} ({attemptOutcomes})",
            $"machine:           {LoadAverage()}",
            "checks:",
        };
        lines.AddRange(results.Select(r => (r.Held ? "  held   " : "  FAILED ") + r.What));
        lines.Add(held == results.Count ? $"RESULT: every check held ({held}/{results.Count})" : $"RESULT: {results.Count - held} of {results.Count} checks failed");
        lines.Add($"log and tables: {settings.OutputDirectory}");
        foreach (var line in lines)
        {
            log.Write(line, echo: false);
            Console.Out.WriteLine(line);
        }
    }

    private static SeedUser User(string name, Dictionary<string, long> balances, params SeedApiKey[] keys) => new()
    {
        Username = name,
        Password = Password,
        Email = $"{name}@example.com",
        Broker = RestBot.BrokerId,
        Balances = balances,
        ApiKeys = keys,
    };

    // Random per run: a secret the audit can look for without matching anything else.
    private static SeedApiKey Key(string permissions)
    {
        using var document = System.Text.Json.JsonDocument.Parse(permissions);
        return new SeedApiKey
        {
            ApiKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            SecretKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            ApiPassword = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Permissions = document.RootElement.Clone(),
        };
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + $" on {Environment.ProcessorCount} cores" : "load average n/a";
}
