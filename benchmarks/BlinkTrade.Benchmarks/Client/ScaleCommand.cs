using System.Diagnostics;
using System.Globalization;
using BlinkTrade.Client;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Benchmarks.Client;

/// <summary>
/// <c>scale [--sessions N] [--rounds R] [--warmup-rounds W] [--pings P] [--max-seconds S] [--pause-seconds S]</c>: many logged-in WebSocket sessions on one
/// exchange (issue 18). The exchange runs in a child process (<see cref="ScaleServerCommand"/>) on a loopback Kestrel
/// port, the order placer in another (<see cref="ScalePlacerCommand"/>); this process runs the subscribers' real
/// <see cref="BlinkTradeClient"/>s. In steps of 0, 100 and <c>N</c> sessions (each
/// logged in as its own user and subscribed to the 10×10 BTCUSD book) it reports:
/// <list type="bullet">
/// <item>heap per idle session on each side: the heap after a full compacting collection, minus the same figure
/// before any subscriber connected, divided by the sessions — the exchange's measured in its process, the clients' in
/// this one;</item>
/// <item>heartbeat round trip (<see cref="IBlinkTradeClient.PingAsync"/>, send → reply) with every session pinging at
/// once, and one session at a time;</item>
/// <item>fan-out: from the placer's order (or cancel) that changes the book to each subscriber's
/// <see cref="IBlinkTradeClient.ObserveOrderBook"/> snapshot that shows it;</item>
/// <item>the placer's own confirmation (<see cref="IBlinkTradeClient.SendOrderAsync"/> → first report), and the
/// exchange actor's time per book update (its <c>blinktrade.exchange.command.duration</c>), which the placer's reply
/// waits for;</item>
/// <item>CPU per book update of the exchange process and of this one, and this process's thread-pool work items per
/// subscriber per update;</item>
/// <item>with <c>--warmup-rounds W</c>, W unmeasured fan-out rounds at each step first, so the JIT's tiering (which
/// otherwise runs in the background through the first rounds after the sessions connected) is done before the
/// measured ones.</item>
/// </list>
/// Loopback only; bounded by <c>--max-seconds</c>.
/// </summary>
public static class ScaleCommand
{
    private const string Usage = "usage: scale [--sessions N] [--rounds R] [--warmup-rounds W] [--pings P] [--max-seconds S] [--pause-seconds S]";
    private const string Symbol = "BTCUSD";

    /// <summary>Runs the command.</summary>
    public static int Run(string[] args)
    {
        var sessions = BenchOptions.Int(args, "--sessions", 1_000);
        var rounds = BenchOptions.Int(args, "--rounds", 20);
        var pings = BenchOptions.Int(args, "--pings", 5);
        var warmupRounds = BenchOptions.Int(args, "--warmup-rounds", 0);
        var maxSeconds = BenchOptions.Int(args, "--max-seconds", 300);
        // Idle time with all N sessions connected, before the last step's measurements: room to take a heap dump
        // (dotnet-gcdump) of either process.
        var pauseSeconds = BenchOptions.Int(args, "--pause-seconds", 0);
        if (sessions < 1 || rounds < 1 || warmupRounds < 0 || pings < 1 || maxSeconds < 1 || pauseSeconds < 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        BenchOptions.PrintMachine();
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds));
        try
        {
            return RunAsync(sessions, rounds, warmupRounds, pings, TimeSpan.FromSeconds(pauseSeconds), budget.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            Console.WriteLine($"scale: stopped at --max-seconds {maxSeconds}");
            return 1;
        }
    }

    /// <summary>The heap after a full, compacting, blocking collection (finalizers run in between).</summary>
    internal static long SettledHeapBytes()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<int> RunAsync(int sessions, int rounds, int warmupRounds, int pings, TimeSpan pause, CancellationToken cancellationToken)
    {
        await using var server = await ChildProcess.StartAsync(["scale-server", "--users", sessions.ToString(CultureInfo.InvariantCulture)], cancellationToken);
        var uri = new Uri(server.Ready);
        // The placer runs in a process of its own too, as it would on another machine: its confirmation must not
        // wait behind the subscribers' processing in this one.
        await using var placer = await ChildProcess.StartAsync(["scale-placer", "--uri", uri.ToString()], cancellationToken);
        Console.WriteLine($"scale: exchange in child process {server.ProcessId} at {uri}, placer in child process {placer.ProcessId}; {sessions} subscriber users");
        var clients = new List<BlinkTradeClient>();
        var probes = new List<BookProbe>();
        var subscriptions = new List<IDisposable>();
        var round = new Round();
        await using var maker = Client(uri, "maker");
        try
        {
            await maker.ConnectAsync(cancellationToken);
            // The 10×10 book: bids 990…900, offers 1010…1100.
            for (var level = 0; level < 10; level++)
            {
                await maker.SendOrderAsync(NewOrder.Limit(Symbol, Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(990m - (10m * level))), cancellationToken);
                await maker.SendOrderAsync(NewOrder.Limit(Symbol, Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(1010m + (10m * level))), cancellationToken);
            }
            // Warm both sides' code paths before the baseline is taken.
            await MeasureStepAsync(server, placer, clients, probes, round, rounds: 3, warmupRounds: 0, pings: 1, baselines: null, print: false, cancellationToken);
            var baselines = (Server: long.Parse(await server.AskAsync("mem", cancellationToken), CultureInfo.InvariantCulture), Client: SettledHeapBytes());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline heap (no subscriber): exchange {baselines.Server / 1024.0:F0} KiB, client process {baselines.Client / 1024.0:F0} KiB"));
            Console.WriteLine($"  {"sessions",8} {"KB/session exch",15} {"KB/session client",17} {"ping-all p50",12} {"p99",7} {"ping-one p50",12} {"p99",7} {"fan-out p50",11} {"p99",7} {"max",7} {"placer p50",10} {"p99",7} {"CPU/update exch/client",22} {"actor/update p50",16} {"max",7} {"items/frame",11}   (ms)");
            foreach (var step in new[] { 0, 100, sessions }.Where(s => s <= sessions).Distinct())
            {
                await ConnectAsync(uri, step, clients, probes, subscriptions, round, cancellationToken);
                if (step == sessions && pause > TimeSpan.Zero)
                {
                    Console.WriteLine($"scale: {step} sessions idle for {pause.TotalSeconds:F0} s (client process {Environment.ProcessId}, exchange process {server.ProcessId})");
                    await Task.Delay(pause, cancellationToken);
                }
                await MeasureStepAsync(server, placer, clients, probes, round, rounds, warmupRounds, pings, baselines, print: true, cancellationToken);
            }
            Console.WriteLine($"scale: done, load average {BenchOptions.LoadAverage()}");
            return 0;
        }
        finally
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    internal static BlinkTradeClient Client(Uri uri, string user) => new(new BlinkTradeClientOptions
    {
        Endpoint = uri,
        BrokerId = 5,
        Credentials = BlinkTradeCredentials.FromPassword(user, ScaleServerCommand.Password),
        HeartbeatInterval = TimeSpan.FromHours(1),
        HeartbeatAfterSilence = TimeSpan.FromHours(1),
        RequestTimeout = TimeSpan.FromMinutes(2),
        // The exchange's rate limit is off here: the client's own pacing would measure the pacer.
        Pacing = { Enabled = false },
    });

    // Connects (and subscribes) subscribers until there are `count`, a few at a time, each waiting for its first book.
    private static async Task ConnectAsync(Uri uri, int count, List<BlinkTradeClient> clients, List<BookProbe> probes, List<IDisposable> subscriptions,
        Round round, CancellationToken cancellationToken)
    {
        while (clients.Count < count)
        {
            var batch = Enumerable.Range(clients.Count, Math.Min(50, count - clients.Count)).Select(async i =>
            {
                var client = Client(uri, "s" + i.ToString(CultureInfo.InvariantCulture));
                await client.ConnectAsync(cancellationToken);
                var probe = new BookProbe(i, round);
                var subscription = client.ObserveOrderBook(Symbol).Subscribe(probe);
                await probe.FirstBook.Task.WaitAsync(cancellationToken);
                return (client, probe, subscription);
            }).ToArray();
            foreach (var (client, probe, subscription) in await Task.WhenAll(batch))
            {
                clients.Add(client);
                probes.Add(probe);
                subscriptions.Add(subscription);
            }
        }
    }

    private static async Task MeasureStepAsync(ChildProcess server, ChildProcess placer, List<BlinkTradeClient> clients, List<BookProbe> probes, Round round,
        int rounds, int warmupRounds, int pings, (long Server, long Client)? baselines, bool print, CancellationToken cancellationToken)
    {
        var n = clients.Count;
        string memory = "", memoryClient = "";
        if (baselines is { } b && n > 0)
        {
            var serverHeap = long.Parse(await server.AskAsync("mem", cancellationToken), CultureInfo.InvariantCulture);
            var clientHeap = SettledHeapBytes();
            memory = ((serverHeap - b.Server) / 1024.0 / n).ToString("F1", CultureInfo.InvariantCulture);
            memoryClient = ((clientHeap - b.Client) / 1024.0 / n).ToString("F1", CultureInfo.InvariantCulture);
        }

        // Heartbeats: every session at once (a few bursts), then one session at a time.
        var all = new List<long>();
        var one = new List<long>();
        for (var p = 0; p < pings && n > 0; p++)
        {
            var rtts = await Task.WhenAll(clients.Select(c => c.PingAsync(cancellationToken)));
            all.AddRange(rtts.Select(t => t.Ticks));
            for (var i = 0; i < Math.Min(n, 100); i++)
            {
                one.Add((await clients[(p * 100 + i) % n].PingAsync(cancellationToken)).Ticks);
            }
        }

        // Fan-out: the placer's bid inside the spread (every subscriber's best bid becomes it), then its cancel.
        var fanOut = new List<long>();
        var placed = new List<long>();
        var price = Price.FromDecimal(995m);
        async Task RunRoundsAsync(int count)
        {
            for (var r = 0; r < count; r++)
            {
                foreach (var present in new[] { true, false })
                {
                    var waiting = round.Arm(probes, price, present);
                    // "<t0> <ticks>": when the placer sent (Stopwatch ticks: the monotonic clock every process shares) and
                    // how long its confirmation took.
                    var answer = (await placer.AskAsync(present ? "place" : "cancel", cancellationToken)).Split(' ');
                    var t0 = long.Parse(answer[0], CultureInfo.InvariantCulture);
                    if (present)
                    {
                        placed.Add(long.Parse(answer[1], CultureInfo.InvariantCulture));
                    }
                    await waiting.WaitAsync(cancellationToken);
                    fanOut.AddRange(probes.Select(p => p.Seen - t0));
                }
            }
        }
        await RunRoundsAsync(warmupRounds);
        fanOut.Clear();
        placed.Clear();
        await server.AskAsync("actor", cancellationToken); // forget the work items before the rounds
        var cpu = (Server: server.CpuTime, Client: Environment.CpuUsage.TotalTime);
        var workItems = ThreadPool.CompletedWorkItemCount;
        await RunRoundsAsync(rounds);
        workItems = ThreadPool.CompletedWorkItemCount - workItems;
        var actor = (await server.AskAsync("actor", cancellationToken)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToList();
        if (!print)
        {
            return;
        }
        // CPU per book update (each round is two: the order and its cancel), which the machine's load hardly moves.
        var updates = rounds * 2.0;
        var cpuPerUpdate = string.Create(CultureInfo.InvariantCulture,
            $"{(server.CpuTime - cpu.Server).TotalMilliseconds / updates:F2}/{(Environment.CpuUsage.TotalTime - cpu.Client).TotalMilliseconds / updates:F2}");
        // Thread-pool work items of this process per subscriber per update: the hops a received frame costs.
        var itemsPerFrame = n == 0 ? "-" : (workItems / (updates * n)).ToString("F2", CultureInfo.InvariantCulture);
        var ms = 1000.0 / Stopwatch.Frequency;
        var tickMs = 1.0 / TimeSpan.TicksPerMillisecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {n,8} {memory,15} {memoryClient,17} {P(all, 0.50, tickMs),12} {P(all, 0.99, tickMs),7} {P(one, 0.50, tickMs),12} {P(one, 0.99, tickMs),7} " +
            $"{P(fanOut, 0.50, ms),11} {P(fanOut, 0.99, ms),7} {P(fanOut, 1.0, ms),7} {P(placed, 0.50, ms),10} {P(placed, 0.99, ms),7} {cpuPerUpdate,22} {P(actor, 0.50, ms),16} {P(actor, 1.0, ms),7} {itemsPerFrame,11}   (load {BenchOptions.LoadAverage()})"));
    }

    private static string P(List<long> values, double p, double scale)
    {
        if (values.Count == 0)
        {
            return "-";
        }
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return (BenchOptions.Percentile(sorted, p) * scale).ToString("F2", CultureInfo.InvariantCulture);
    }

    /// <summary>What the subscribers wait for in the current fan-out round.</summary>
    private sealed class Round
    {
        private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _left;

        public Price Price { get; private set; }

        public bool Present { get; private set; }

        public volatile bool Armed;

        public Task Arm(List<BookProbe> probes, Price price, bool present)
        {
            Armed = false;
            Price = price;
            Present = present;
            _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _left = probes.Count;
            foreach (var probe in probes)
            {
                probe.Seen = 0;
            }
            if (probes.Count == 0)
            {
                _all.TrySetResult();
            }
            Armed = true;
            return _all.Task;
        }

        public void Arrived()
        {
            if (Interlocked.Decrement(ref _left) == 0)
            {
                _all.TrySetResult();
            }
        }
    }

    /// <summary>One subscriber's book observer: stamps when its book first shows the round's change.</summary>
    private sealed class BookProbe(int index, Round round) : IObserver<OrderBookSnapshot>
    {
        public int Index { get; } = index;

        public TaskCompletionSource FirstBook { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Seen;

        public void OnNext(OrderBookSnapshot value)
        {
            FirstBook.TrySetResult();
            if (!round.Armed || Seen != 0)
            {
                return;
            }
            var shows = value.BestBid is { } bid && bid.Price == round.Price;
            if (shows == round.Present)
            {
                Seen = Stopwatch.GetTimestamp();
                round.Arrived();
            }
        }

        public void OnError(Exception error) => FirstBook.TrySetException(error);

        public void OnCompleted()
        {
        }
    }
}
