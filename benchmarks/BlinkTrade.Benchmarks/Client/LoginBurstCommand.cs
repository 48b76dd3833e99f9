using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BlinkTrade.Client.Transport;
using BlinkTrade.Testing;

namespace BlinkTrade.Benchmarks.Client;

/// <summary>
/// <c>login-burst [--logins N] [--iterations N] [--hash-threads N] [--interval-ms N] [--max-seconds S]</c>: does a burst
/// of password logins starve a live session (issue 12)? Starts the reference exchange on its loopback Kestrel
/// WebSocket server from a seed of <c>N</c> users (hashed in parallel at start-up: that time is printed too), logs one
/// session in, opens <c>N</c> more WebSocket connections, then sends all <c>N</c> logins at once while the live session
/// sends a heartbeat every <c>--interval-ms</c> and times each round trip. Prints the heartbeat round-trip percentiles
/// during the burst (target: p99 ≤ 50 ms), login latency and throughput. Loopback only; bounded by
/// <c>--max-seconds</c>.
/// </summary>
public static class LoginBurstCommand
{
    private const string Usage = "usage: login-burst [--logins N] [--iterations N] [--hash-threads N] [--interval-ms N] [--max-seconds S]";

    /// <summary>Runs the command.</summary>
    public static int Run(string[] args)
    {
        var logins = BenchOptions.Int(args, "--logins", 1_000);
        var iterations = BenchOptions.Int(args, "--iterations", new ReferenceExchangeOptions().PasswordHashIterations);
        var hashThreads = BenchOptions.Int(args, "--hash-threads", 0);
        var intervalMs = BenchOptions.Int(args, "--interval-ms", 10);
        var maxSeconds = BenchOptions.Int(args, "--max-seconds", 300);
        if (logins < 1 || iterations < 1 || hashThreads < 0 || intervalMs < 1 || maxSeconds < 1)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        BenchOptions.PrintMachine();
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds));
        try
        {
            return RunAsync(logins, iterations, hashThreads, TimeSpan.FromMilliseconds(intervalMs), budget.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            Console.WriteLine($"login-burst: stopped at --max-seconds {maxSeconds}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(int logins, int iterations, int hashThreads, TimeSpan interval, CancellationToken cancellationToken)
    {
        var users = string.Join(",", Enumerable.Range(0, logins + 1).Select(i => $$"""{"username":"user{{i}}","password":"pw-{{i}}-secret","broker":5}"""));
        var seed = ExchangeSeed.Parse($$"""{"brokers":[{"id":5,"name":"exchange"}],"users":[{{users}}]}""");
        var started = Stopwatch.StartNew();
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions
        {
            Seed = seed,
            PasswordHashIterations = iterations,
            PasswordHashConcurrency = hashThreads,
            MaxMessagesPerSecond = 0,
            EnableWebSocketServer = true,
            LoginTimeout = TimeSpan.FromMinutes(10),
        }, cancellationToken);
        var startup = started.Elapsed;
        var threads = exchange.Runtime.PasswordHasher.Concurrency;

        var transport = new WebSocketTransport();
        await using var live = await transport.ConnectAsync(exchange.WebSocketUri!, cancellationToken);
        if (!await LoginAsync(live, 0, cancellationToken))
        {
            Console.WriteLine("login-burst: the live session could not log in");
            return 1;
        }
        var connections = new IBlinkTradeConnection[logins];
        for (var i = 0; i < logins; i++)
        {
            connections[i] = await transport.ConnectAsync(exchange.WebSocketUri!, cancellationToken);
        }

        try
        {
            var done = 0;
            var loginTicks = new long[logins];
            var burstStart = Stopwatch.GetTimestamp();
            var burst = Task.WhenAll(Enumerable.Range(0, logins).Select(i => Task.Run(async () =>
            {
                var ok = await LoginAsync(connections[i], i + 1, cancellationToken);
                loginTicks[i] = Stopwatch.GetTimestamp() - burstStart;
                Interlocked.Increment(ref done);
                return ok;
            }, cancellationToken)));

            var rtts = new List<long>();
            var beat = 0;
            while (Volatile.Read(ref done) < logins)
            {
                var sent = Stopwatch.GetTimestamp();
                await SendAsync(live, $$"""{"MsgType":"1","TestReqID":{{beat}}}""", cancellationToken);
                await ReceiveAsync(live, "0", cancellationToken);
                rtts.Add(Stopwatch.GetTimestamp() - sent);
                beat++;
                await Task.Delay(interval, cancellationToken);
            }
            var results = await burst;
            var burstSeconds = Stopwatch.GetElapsedTime(burstStart).TotalSeconds;
            var failed = results.Count(ok => !ok);

            var hb = rtts.ToArray();
            Array.Sort(hb);
            Array.Sort(loginTicks);
            var ms = 1e3 / Stopwatch.Frequency;
            var p99 = BenchOptions.Percentile(hb, 0.99) * ms;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"login-burst: {logins:N0} simultaneous logins over loopback WebSocket, PBKDF2-SHA256 {iterations:N0} iterations, {threads} hashing thread(s); " +
                $"seed of {logins + 1:N0} users loaded in {startup.TotalSeconds:F1} s; burst {burstSeconds:F1} s ({logins / burstSeconds:F0} logins/s), {failed} failed; load {BenchOptions.LoadAverage()}"));
            Console.WriteLine($"  {"ms",-36} {"n",6} {"p50",8} {"p90",8} {"p99",8} {"p99.9",8} {"max",8}");
            Print("live heartbeat round trip (burst)", hb, ms);
            Print("login: burst start → BF", loginTicks, ms);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  heartbeat p99 {p99:F1} ms: {(p99 <= 50 ? "within" : "OVER")} the 50 ms target"));
            return failed == 0 && hb.Length > 0 ? 0 : 1;
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task<bool> LoginAsync(IBlinkTradeConnection connection, int user, CancellationToken cancellationToken)
    {
        await SendAsync(connection, $$"""{"MsgType":"BE","UserReqID":1,"BrokerID":5,"Username":"user{{user}}","Password":"pw-{{user}}-secret","UserReqTyp":"1"}""", cancellationToken);
        using var bf = await ReceiveAsync(connection, "BF", cancellationToken);
        return bf.RootElement.GetProperty("UserStatus").GetInt32() == 1;
    }

    private static ValueTask SendAsync(IBlinkTradeConnection connection, string json, CancellationToken cancellationToken) =>
        connection.SendAsync(Encoding.UTF8.GetBytes(json), cancellationToken);

    private static async Task<JsonDocument> ReceiveAsync(IBlinkTradeConnection connection, string msgType, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        while (true)
        {
            buffer.ResetWrittenCount();
            if (!await connection.ReceiveAsync(buffer, cancellationToken))
            {
                throw new InvalidOperationException($"connection closed while waiting for {msgType}");
            }
            var document = JsonDocument.Parse(buffer.WrittenMemory);
            var type = document.RootElement.GetProperty("MsgType").GetString();
            if (type == msgType)
            {
                return document;
            }
            document.Dispose();
            if (type == "ERROR")
            {
                throw new InvalidOperationException($"ERROR while waiting for {msgType}");
            }
        }
    }

    private static void Print(string label, long[] sorted, double scale)
    {
        if (sorted.Length == 0)
        {
            return;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-36} {sorted.Length,6} {BenchOptions.Percentile(sorted, 0.50) * scale,8:F1} {BenchOptions.Percentile(sorted, 0.90) * scale,8:F1} {BenchOptions.Percentile(sorted, 0.99) * scale,8:F1} {BenchOptions.Percentile(sorted, 0.999) * scale,8:F1} {sorted[^1] * scale,8:F1}"));
    }
}
