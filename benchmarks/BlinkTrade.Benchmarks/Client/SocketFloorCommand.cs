using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using BlinkTrade.Testing.Gateway.MarketData;
using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Benchmarks.Client;

/// <summary>
/// <c>socket-floor [--sessions N] [--rungs tcp,tcp-chunks,ws,kestrel] [--runs R] [--updates U] [--warmup-updates W]
/// [--pings P] [--max-seconds S]</c>: what <see cref="ScaleCommand"/>'s fan-out and heartbeat cost with no BlinkTrade
/// code on the path (issue 18, task 18u) — the floor the sockets themselves set on this machine. The server runs in a
/// child process (<see cref="SocketFloorServerCommand"/>), the N clients in this one, both on loopback, and each rung
/// of the ladder changes only what sits on the sockets:
/// <list type="bullet">
/// <item><c>tcp</c>: raw TCP, the server sending to each socket in turn from one thread;</item>
/// <item><c>tcp-chunks</c>: raw TCP, the server's sends from thread-pool items of 64 sockets, as the exchange's fan-out;</item>
/// <item><c>ws</c>: the framework's WebSocket on both sides over a <c>NetworkStream</c> (no HTTP, no Kestrel), chunks of 64;</item>
/// <item><c>kestrel</c>: a minimal Kestrel WebSocket app as the server, the same raw WebSocket clients, chunks of 64.</item>
/// </list>
/// (The next rung is <c>scale</c> itself: the exchange and the SDK's client.) Every client keeps one receive pending
/// and stamps each message on its completion (<see cref="Stopwatch.GetTimestamp"/>: the monotonic clock every process
/// on the machine shares). The update is an <c>X</c> frame of the size the exchange sends in <c>scale</c>, the heartbeat
/// a <c>1</c> the server answers as a <c>0</c> on the connection's own receive. Per rung and run it prints:
/// ping-all (all N clients send a heartbeat at once, each one's round trip), fan-out (the server's first send → each
/// client's receipt), the server's time to hand all N sends to the kernel, CPU per update and per ping burst of each
/// process, and thread-pool work items per received frame of each. Runs alternate the rungs (R rounds of the ladder).
/// Loopback only; bounded by <c>--max-seconds</c>.
/// </summary>
public static class SocketFloorCommand
{
    private const string Usage = "usage: socket-floor [--sessions N] [--rungs tcp,tcp-chunks,ws,kestrel] [--runs R] [--updates U] [--warmup-updates W] [--pings P] [--max-seconds S]";

    /// <summary>
    /// The update every client gets: the exchange's own <c>X</c> for <c>scale</c>'s placed bid (one new entry at the top
    /// of the bids; its cancel's delete is shorter), with a client's MDReqID of nine digits.
    /// </summary>
    internal static byte[] Update { get; } = MarketDataHub.BookUpdateFrame(
        new BookSubscription(null!, JsonSerializer.SerializeToElement(314_040_123), Book: true, Trades: false),
        [
            new()
            {
                Symbol = "BTCUSD", Action = BookUpdateAction.New, Side = Testing.Matching.Side.Buy, Position = 1, Price = 99_500_000_000, Quantity = 1_000_000,
                OrderId = 1_459_028_830_990, BrokerId = 5, UserId = 90_800_127, OrderTimestamp = new DateTimeOffset(2026, 12, 5, 0, 40, 12, TimeSpan.Zero).UtcTicks,
            },
        ],
        _ => "exchange");

    /// <summary>A heartbeat request as the SDK's client sends it; the server answers it with MsgType 0.</summary>
    internal static byte[] Heartbeat { get; } = Encoding.UTF8.GetBytes("{\"MsgType\":\"1\",\"TestReqID\":\"1000000017\",\"SendTime\":1764943625000}");

    /// <summary>Runs the command.</summary>
    public static int Run(string[] args)
    {
        var sessions = BenchOptions.Int(args, "--sessions", 1_000);
        var runs = BenchOptions.Int(args, "--runs", 3);
        var updates = BenchOptions.Int(args, "--updates", 40);
        var warmupUpdates = BenchOptions.Int(args, "--warmup-updates", 60);
        var pings = BenchOptions.Int(args, "--pings", 5);
        var maxSeconds = BenchOptions.Int(args, "--max-seconds", 600);
        var rungs = (BenchOptions.String(args, "--rungs") ?? string.Join(',', SocketFloorServerCommand.Rungs)).Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (sessions < 1 || runs < 1 || updates < 1 || warmupUpdates < 0 || pings < 1 || maxSeconds < 1 || rungs.Length == 0 || rungs.Any(r => !SocketFloorServerCommand.Rungs.Contains(r)))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        BenchOptions.PrintMachine();
        Console.WriteLine($"socket-floor: {sessions} connections, update {Update.Length} B, heartbeat {Heartbeat.Length} B; {warmupUpdates} warm-up + {updates} measured updates and {pings} ping-all bursts per rung and run");
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds));
        try
        {
            return RunAsync(rungs, sessions, runs, updates, warmupUpdates, pings, budget.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            Console.WriteLine($"socket-floor: stopped at --max-seconds {maxSeconds}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(string[] rungs, int sessions, int runs, int updates, int warmupUpdates, int pings, CancellationToken cancellationToken)
    {
        Console.WriteLine($"  {"rung",-10} {"ping-all p50",12} {"p99",7} {"fan-out p50",11} {"p99",7} {"max",7} {"send-all p50",12} {"CPU/update srv/cli",18} {"CPU/ping-burst srv/cli",22} {"items/frame srv/cli",19}   (ms)");
        var results = new Dictionary<string, List<double[]>>();
        for (var run = 0; run < runs; run++)
        {
            foreach (var rung in rungs)
            {
                var row = await MeasureAsync(rung, sessions, updates, warmupUpdates, pings, cancellationToken);
                (results.TryGetValue(rung, out var list) ? list : results[rung] = []).Add(row);
            }
        }
        if (runs > 1)
        {
            Console.WriteLine($"medians of {runs} runs:");
            foreach (var (rung, rows) in results)
            {
                Print(rung, [.. Enumerable.Range(0, rows[0].Length).Select(i => Median(rows.Select(r => r[i])))], "");
            }
        }
        Console.WriteLine($"socket-floor: done, load average {BenchOptions.LoadAverage()}");
        return 0;
    }

    private static async Task<double[]> MeasureAsync(string rung, int sessions, int updates, int warmupUpdates, int pings, CancellationToken cancellationToken)
    {
        await using var server = await ChildProcess.StartAsync(["socket-floor-server", "--rung", rung], cancellationToken);
        var port = int.Parse(server.Ready, CultureInfo.InvariantCulture);
        var clients = new List<SocketFloorPeer>();
        var probes = new List<Probe>();
        var round = new Round();
        var receiving = new List<Task>();
        try
        {
            while (clients.Count < sessions)
            {
                var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(50, sessions - clients.Count)).Select(_ => ConnectAsync(rung, port, cancellationToken)));
                foreach (var client in batch)
                {
                    var probe = new Probe(round);
                    clients.Add(client);
                    probes.Add(probe);
                    // No cancellable token on the sockets' calls (each would register with it): the receive loops end when the
                    // connections are closed.
                    receiving.Add(client.ReceiveAsync(probe.OnMessage, CancellationToken.None));
                }
            }
            await server.AskAsync("await " + sessions.ToString(CultureInfo.InvariantCulture), cancellationToken);
            var heartbeat = clients[0].Frame(Heartbeat);

            async Task<List<long>> PingAllAsync()
            {
                var waiting = round.Arm(probes);
                for (var i = 0; i < clients.Count; i++)
                {
                    probes[i].Sent = Stopwatch.GetTimestamp();
                    clients[i].Post(heartbeat, CancellationToken.None);
                }
                await waiting.WaitAsync(cancellationToken);
                return [.. probes.Select(p => p.Seen - p.Sent)];
            }

            async Task<(List<long> Arrivals, long Span)> FanOutAsync()
            {
                var waiting = round.Arm(probes);
                var answer = (await server.AskAsync("fanout", cancellationToken)).Split(' ');
                var t0 = long.Parse(answer[0], CultureInfo.InvariantCulture);
                var t1 = long.Parse(answer[1], CultureInfo.InvariantCulture);
                await waiting.WaitAsync(cancellationToken);
                return ([.. probes.Select(p => p.Seen - t0)], t1 - t0);
            }

            // Warm-up: the JIT's tiers on both sides, before anything is measured.
            for (var i = 0; i < 2; i++)
            {
                await PingAllAsync();
            }
            for (var i = 0; i < warmupUpdates; i++)
            {
                await FanOutAsync();
            }

            var cpu = (Server: server.CpuTime, Client: Environment.CpuUsage.TotalTime);
            var rtts = new List<long>();
            for (var p = 0; p < pings; p++)
            {
                rtts.AddRange(await PingAllAsync());
            }
            var pingCpu = (Server: (server.CpuTime - cpu.Server).TotalMilliseconds / pings, Client: (Environment.CpuUsage.TotalTime - cpu.Client).TotalMilliseconds / pings);

            var items = (Server: long.Parse(await server.AskAsync("items", cancellationToken), CultureInfo.InvariantCulture), Client: ThreadPool.CompletedWorkItemCount);
            cpu = (server.CpuTime, Environment.CpuUsage.TotalTime);
            var arrivals = new List<long>();
            var spans = new List<long>();
            for (var u = 0; u < updates; u++)
            {
                var (received, span) = await FanOutAsync();
                arrivals.AddRange(received);
                spans.Add(span);
            }
            var updateCpu = (Server: (server.CpuTime - cpu.Server).TotalMilliseconds / updates, Client: (Environment.CpuUsage.TotalTime - cpu.Client).TotalMilliseconds / updates);
            var frames = (double)updates * sessions;
            // The "items" request itself is one or two of the server's items: negligible against N per update.
            var itemsPerFrame = (Server: (long.Parse(await server.AskAsync("items", cancellationToken), CultureInfo.InvariantCulture) - items.Server) / frames,
                Client: (ThreadPool.CompletedWorkItemCount - items.Client) / frames);

            var ms = 1000.0 / Stopwatch.Frequency;
            double[] row =
            [
                P(rtts, 0.50) * ms, P(rtts, 0.99) * ms, P(arrivals, 0.50) * ms, P(arrivals, 0.99) * ms, P(arrivals, 1.0) * ms, P(spans, 0.50) * ms,
                updateCpu.Server, updateCpu.Client, pingCpu.Server, pingCpu.Client, itemsPerFrame.Server, itemsPerFrame.Client,
            ];
            Print(rung, row, $"   (load {BenchOptions.LoadAverage()})");
            return row;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
            await Task.WhenAll(receiving);
        }
    }

    private static async Task<SocketFloorPeer> ConnectAsync(string rung, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        if (rung.StartsWith("tcp", StringComparison.Ordinal))
        {
            return new SocketFloorTcpPeer(socket);
        }
        var stream = new NetworkStream(socket, ownsSocket: true);
        if (rung == "kestrel")
        {
            await UpgradeAsync(stream, port, cancellationToken);
        }
        return new SocketFloorWebSocketPeer(WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero }), stream);
    }

    // The HTTP/1.1 upgrade by hand: the client side stays the framework's bare WebSocket, as in the `ws` rung. The reply's
    // head is read a byte at a time so that no byte after it is taken from the WebSocket (once per connection).
    private static async Task UpgradeAsync(NetworkStream stream, int port, CancellationToken cancellationToken)
    {
        var request = Encoding.ASCII.GetBytes(
            $"GET /floor/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        await stream.WriteAsync(request, cancellationToken);
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !head.TakeLast(4).SequenceEqual("\r\n\r\n"u8.ToArray()))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0 || head.Count > 4096)
            {
                throw new IOException("the server closed the connection during the WebSocket upgrade");
            }
            head.Add(one[0]);
        }
        var status = Encoding.ASCII.GetString([.. head]);
        if (!status.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            throw new IOException("WebSocket upgrade refused: " + status.Split('\r')[0]);
        }
    }

    private static void Print(string rung, double[] r, string suffix) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {rung,-10} {r[0],12:F2} {r[1],7:F2} {r[2],11:F2} {r[3],7:F2} {r[4],7:F2} {r[5],12:F2} {$"{r[6]:F2}/{r[7]:F2}",18} {$"{r[8]:F2}/{r[9]:F2}",22} {$"{r[10]:F2}/{r[11]:F2}",19}{suffix}"));

    private static long P(List<long> values, double p)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return BenchOptions.Percentile(sorted, p);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>What the clients wait for in the current round: every probe's next message.</summary>
    private sealed class Round
    {
        private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _left;

        public volatile bool Armed;

        public Task Arm(List<Probe> probes)
        {
            Armed = false;
            _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _left = probes.Count;
            foreach (var probe in probes)
            {
                probe.Seen = 0;
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

    /// <summary>One client's stamps: when it sent its heartbeat, and when its round's message arrived.</summary>
    private sealed class Probe(Round round)
    {
        public long Sent;
        public long Seen;

        public void OnMessage(Memory<byte> message)
        {
            var now = Stopwatch.GetTimestamp();
            if (round.Armed && Seen == 0)
            {
                Seen = now;
                round.Arrived();
            }
        }
    }
}
