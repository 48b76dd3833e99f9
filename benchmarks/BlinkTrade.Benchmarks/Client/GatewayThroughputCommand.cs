using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Trading;
using BlinkTrade.Testing;
using BlinkTrade.Testing.Telemetry;

namespace BlinkTrade.Benchmarks.Client;

/// <summary>
/// <c>gateway-throughput [--sessions N] [--resting-per-session K] [--deep-book N] [--seconds S] [--warmup-seconds S] [--max-seconds S] [--alloc-types]</c>:
/// orders/s through the whole served path (client encode → in-memory transport → gateway decode, dispatch, exchange
/// actor, engine, publication → client decode) with many sessions at once. Each of N logged-in
/// <see cref="BlinkTradeClient"/>s (one user each) sends limit orders one at a time around one price, so about half
/// cross and half rest; each session cancels its oldest resting order once it has more than K, which keeps the book
/// bounded. The exchange's rate limit is raised to 1,000,000 messages/s and the clients' pacing is off, so the sessions
/// send as fast as the exchange answers: with N sessions the actor sees up to N requests at once.
/// </summary>
/// <remarks>
/// <c>--deep-book N</c> first rests N orders far from the traded price (one extra user, 900 price levels), so the
/// engine's order count passes the point where it asks for lookahead (<c>MatchingEngine.WantsLookahead</c>).
/// Prints orders/s (an order counts when its first execution report arrives), cancels/s, p50/p99 of send → first
/// report, process allocations, CPU and thread-pool work items per order, and the actor's batch sizes when the exchange
/// publishes them (<c>blinktrade.exchange.actor.batch</c>; an exchange without that instrument prints "n/a"), and the
/// time the actor was busy (<c>blinktrade.exchange.command.duration</c>): the share of the run the single writer worked.
/// </remarks>
public static class GatewayThroughputCommand
{
    private const string Usage = "usage: gateway-throughput [--sessions N] [--resting-per-session K] [--deep-book N] [--seconds S] [--warmup-seconds S] [--max-seconds S] [--alloc-types]";
    private static long s_thrown; // first-chance exceptions in the process
    private const string Symbol = "BTCUSD";
    private const string Password = "bench-pw-1";

    /// <summary>Runs the command.</summary>
    public static int Run(string[] args)
    {
        var sessions = BenchOptions.Int(args, "--sessions", 50);
        var resting = BenchOptions.Int(args, "--resting-per-session", 4);
        var deepBook = BenchOptions.Int(args, "--deep-book", 0);
        var seconds = BenchOptions.Int(args, "--seconds", 10);
        var warmupSeconds = BenchOptions.Int(args, "--warmup-seconds", 5);
        var maxSeconds = BenchOptions.Int(args, "--max-seconds", 180);
        if (sessions < 1 || resting < 0 || deepBook < 0 || seconds < 1 || warmupSeconds < 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        BenchOptions.PrintMachine();
        Console.WriteLine($"cpu: {CpuModel()}");
        using var sampler = Array.IndexOf(args, "--alloc-types") >= 0 ? new AllocationSampler() : null;
        AppDomain.CurrentDomain.FirstChanceException += static (_, _) => Interlocked.Increment(ref s_thrown);
        using var overall = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds));
        try
        {
            var ok = RunAsync(sessions, resting, deepBook, TimeSpan.FromSeconds(warmupSeconds), TimeSpan.FromSeconds(seconds), overall.Token).GetAwaiter().GetResult();
            sampler?.Print(top: 25);
            return ok ? 0 : 1;
        }
        catch (OperationCanceledException) when (overall.IsCancellationRequested)
        {
            Console.WriteLine($"gateway-throughput: stopped at --max-seconds {maxSeconds}");
            return 1;
        }
    }

    private static async Task<bool> RunAsync(int sessionCount, int resting, int deepBook, TimeSpan warmup, TimeSpan timed, CancellationToken cancellationToken)
    {
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions
        {
            PasswordHashIterations = 1,
            MaxMessagesPerSecond = 1_000_000,
        }, cancellationToken);
        await exchange.CreateBrokerAsync(5, "exchange", 0, 0, cancellationToken: cancellationToken);
        await exchange.CreateInstrumentAsync(Symbol, "BTC", "USD", cancellationToken: cancellationToken);
        if (deepBook > 0)
        {
            await RestDeepBookAsync(exchange, deepBook, cancellationToken);
        }

        var clients = new BlinkTradeClient[sessionCount];
        for (var i = 0; i < sessionCount; i++)
        {
            var user = await exchange.CreateUserAsync($"bench{i}", Password, 5, $"bench{i}@example.com", cancellationToken: cancellationToken);
            await exchange.CreditAsync(user, "USD", new(1_000_000_000_00000000), cancellationToken);
            await exchange.CreditAsync(user, "BTC", new(1_000_000_00000000), cancellationToken);
            clients[i] = Connect(exchange, $"bench{i}");
        }
        try
        {
            await Task.WhenAll(clients.Select(c => c.ConnectAsync(cancellationToken)));
            using var batches = new BatchListener();
            var phase = new Phase();
            var loops = clients.Select((c, i) => Task.Run(() => SessionLoopAsync(c, i, resting, phase, cancellationToken), cancellationToken)).ToArray();

            await Task.Delay(warmup, cancellationToken);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var allocated = GC.GetTotalAllocatedBytes(precise: false);
            var workItems = ThreadPool.CompletedWorkItemCount;
            var thrown = Interlocked.Read(ref s_thrown);
            var cpu = Environment.CpuUsage.TotalTime;
            batches.Reset();
            var wall = Stopwatch.StartNew();
            phase.Start();
            await Task.Delay(timed, cancellationToken);
            phase.Stop();
            var elapsed = wall.Elapsed.TotalSeconds;
            var bytes = GC.GetTotalAllocatedBytes(precise: false) - allocated;
            var items = ThreadPool.CompletedWorkItemCount - workItems;
            var throws = Interlocked.Read(ref s_thrown) - thrown;
            var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
            var (batchCount, batchItems, batchMax) = batches.Read();
            var actorBusy = batches.BusySeconds();
            phase.Finish();
            var results = await Task.WhenAll(loops);

            var orders = results.Sum(r => r.Latencies.Count);
            var cancels = results.Sum(r => r.Cancels);
            var late = results.Sum(r => r.LateCancels);
            var errors = results.Select(r => r.Error).Where(e => e is not null).ToList();
            var latencies = results.SelectMany(r => r.Latencies).ToArray();
            Array.Sort(latencies);
            var us = 1e6 / Stopwatch.Frequency;
            var perOrder = Math.Max(orders, 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gateway-throughput over inmemory: {sessionCount} sessions, {elapsed:F1} s timed after {warmup.TotalSeconds:F0} s warm-up, deep book {deepBook:N0} orders, at most {resting} resting per session"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {orders / elapsed:F0} orders/s (first report received), {cancels / elapsed:F0} cancels/s ({late:N0} too late: filled first), {(orders + cancels) / elapsed:F0} requests/s"));
            if (latencies.Length > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  send → first report µs: p50 {BenchOptions.Percentile(latencies, 0.50) * us:F0}, p99 {BenchOptions.Percentile(latencies, 0.99) * us:F0}, max {latencies[^1] * us:F0}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  per order (process, cancels included): {bytes / (double)perOrder:F0} B allocated, {1e6 * cpuSeconds / perOrder:F1} µs CPU, {items / (double)perOrder:F1} thread-pool work items; " +
                $"GC gen0/1/2 = {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}; CPU {cpuSeconds / elapsed:F2} cores"));
            // Each throw and each rethrow at an await (a stack trace captured, a first-chance notification): client and
            // exchange together.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  exceptions thrown per order (throws and rethrows, process): {throws / (double)perOrder:F2}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  exchange actor busy {actorBusy:F2} s of {elapsed:F1} s ({100 * actorBusy / elapsed:F0} %), {1e6 * actorBusy / Math.Max(orders + cancels, 1):F1} µs per request (work items timed on the real clock)"));
            Console.WriteLine(batchCount == 0
                ? "  actor batches: n/a (no blinktrade.exchange.actor.batch instrument, or no backlog)"
                : string.Create(CultureInfo.InvariantCulture, $"  actor batches: {batchCount:N0} drained, {batchItems / (double)batchCount:F1} work items on average, max {batchMax}"));
            Console.WriteLine($"  load average {BenchOptions.LoadAverage()}");
            foreach (var error in errors.Distinct().Take(5))
            {
                Console.WriteLine($"  error: {error}");
            }
            return errors.Count == 0 && orders > 0;
        }
        finally
        {
            foreach (var client in clients)
            {
                if (client is not null)
                {
                    await client.DisposeAsync();
                }
            }
        }
    }

    private static BlinkTradeClient Connect(ReferenceExchange exchange, string username) => new(new BlinkTradeClientOptions
    {
        Endpoint = new Uri("ws://in-memory/trade/"),
        Transport = exchange.CreateInMemoryTransport(),
        BrokerId = 5,
        Credentials = BlinkTradeCredentials.FromPassword(username, Password),
        HeartbeatInterval = TimeSpan.FromMinutes(10),
        HeartbeatAfterSilence = TimeSpan.FromMinutes(10),
        // The exchange allows 1,000,000 messages/s here; the client's pacing (for a real exchange's 15/s) would
        // measure the pacer.
        Pacing = { Enabled = false },
    });

    // Rests `count` buys far below the traded price (1–900 USD, never reached by the loops' sells at 999–1,001),
    // from one more user with up to 256 orders in flight.
    private static async Task RestDeepBookAsync(ReferenceExchange exchange, int count, CancellationToken cancellationToken)
    {
        var user = await exchange.CreateUserAsync("deep", Password, 5, "deep@example.com", cancellationToken: cancellationToken);
        await exchange.CreditAsync(user, "USD", new(1_000_000_000_00000000), cancellationToken);
        await using var client = Connect(exchange, "deep");
        await client.ConnectAsync(cancellationToken);
        const int Window = 256;
        var pending = new List<Task>(Window);
        for (var i = 0; i < count; i++)
        {
            var price = Price.FromSatoshis((1 + (i % 900)) * 100_000_000L);
            pending.Add(client.SendOrderAsync(NewOrder.Limit(Symbol, Side.Buy, Quantity.FromSatoshis(100_000), price), cancellationToken));
            if (pending.Count == Window)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }
        await Task.WhenAll(pending);
    }

    // One session: limit orders one at a time around 1,000 (buys 999–1,001, sells 999–1,001: about half cross), then
    // a cancel of the oldest open order once more than `resting` rested. Latencies are kept only while timing.
    private static async Task<SessionResult> SessionLoopAsync(BlinkTradeClient client, int index, int resting, Phase phase, CancellationToken cancellationToken)
    {
        var random = new Random(7 + index);
        var open = new Queue<string>();
        var result = new SessionResult();
        try
        {
            while (!phase.Finished)
            {
                var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                var price = Price.FromSatoshis((999 + random.Next(3)) * 100_000_000L);
                var order = NewOrder.Limit(Symbol, side, Quantity.FromSatoshis(1_000_000 * (1 + random.Next(3))), price);
                var started = Stopwatch.GetTimestamp();
                var report = await client.SendOrderAsync(order, cancellationToken);
                var latency = Stopwatch.GetTimestamp() - started;
                var timing = phase.Timing;
                if (timing)
                {
                    result.Latencies.Add(latency);
                }
                if (report.OrdStatus == OrdStatus.Rejected)
                {
                    result.Error ??= $"order rejected: {report.Text}";
                    return result;
                }
                if (report.OrdStatus == OrdStatus.New || report.OrdStatus == OrdStatus.PartiallyFilled)
                {
                    open.Enqueue(report.ClOrdID!);
                }
                if (open.Count > resting)
                {
                    try
                    {
                        await client.CancelOrderAsync(open.Dequeue(), cancellationToken);
                    }
                    catch (BlinkTradeErrorException)
                    {
                        // Filled by another session after its first report: the exchange answers ERROR (§5 G15).
                        result.LateCancels += timing ? 1 : 0;
                    }
                    result.Cancels += timing ? 1 : 0;
                }
            }
        }
        catch (Exception e) when (e is BlinkTradeException or TimeoutException)
        {
            result.Error = $"{e.GetType().Name}: {e.Message}";
        }
        return result;
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "n/a"
            : "n/a";

    private sealed class SessionResult
    {
        public List<long> Latencies { get; } = new(1 << 16);

        public int Cancels { get; set; }

        public int LateCancels { get; set; }

        public string? Error { get; set; }
    }

    // Warm-up → timing → finished; read by every session loop, written by the driver.
    private sealed class Phase
    {
        private volatile int _state;

        public bool Timing => _state == 1;

        public bool Finished => _state == 2;

        public void Start() => _state = 1;

        public void Stop() => _state = 3;

        public void Finish() => _state = 2;
    }

    // Sums the exchange actor's batch-size histogram and its work-item durations (the time the actor is busy) while timing.
    private sealed class BatchListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;
        private long _items;
        private long _max;
        private double _busySeconds;

        public BatchListener()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ExchangeTelemetry.Name && instrument.Name is "blinktrade.exchange.actor.batch" or "blinktrade.exchange.command.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
            {
                lock (_listener)
                {
                    _busySeconds += seconds;
                }
            });
            _listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
            {
                Interlocked.Increment(ref _count);
                Interlocked.Add(ref _items, value);
                long max;
                while (value > (max = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, value, max) != max)
                {
                }
            });
            _listener.Start();
        }

        public void Reset()
        {
            Interlocked.Exchange(ref _count, 0);
            Interlocked.Exchange(ref _items, 0);
            Interlocked.Exchange(ref _max, 0);
            lock (_listener)
            {
                _busySeconds = 0;
            }
        }

        public (long Count, long Items, long Max) Read() => (Interlocked.Read(ref _count), Interlocked.Read(ref _items), Interlocked.Read(ref _max));

        public double BusySeconds()
        {
            lock (_listener)
            {
                return _busySeconds;
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
