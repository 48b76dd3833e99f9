using System.Diagnostics;
using System.Globalization;
using BlinkTrade.Client;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Benchmarks.Client;

/// <summary>
/// <c>md-throughput [--frames N] [--reps N] [--warmup N] [--stream book|messages|raw] [--queue N] [--breakdown]</c>: market-data
/// frames per second delivered to an <see cref="IObservable{T}"/> subscriber of a real <see cref="BlinkTradeClient"/>
/// over a loopback Kestrel WebSocket (<see cref="MarketDataFrameServer"/>: W, then N pre-serialized X frames as fast as
/// the socket takes them). Each rep is a fresh client and connection; the clock runs from the subscribe call to the
/// subscriber receiving the book of the last X (or the last X message). Reported per rep: frames/s, process CPU,
/// allocated bytes per frame (all threads, <c>GC.GetTotalAllocatedBytes(true)</c>: client and the in-process server),
/// GC counts, and how many book snapshots the subscriber saw (a state stream drops superseded snapshots when the
/// subscriber lags: the rate counts frames applied, the "seen" count what the subscriber was handed).
/// <c>--stream raw</c> replaces the client by a bare <see cref="System.Net.WebSockets.ClientWebSocket"/> that only
/// counts received frames: the ceiling of the server and the loopback socket on this machine.
/// </summary>
public static class MdThroughputCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(string[] args)
    {
        var frames = BenchOptions.Int(args, "--frames", 500_000);
        var reps = BenchOptions.Int(args, "--reps", 5);
        var warmups = BenchOptions.Int(args, "--warmup", 1);
        var stream = BenchOptions.String(args, "--stream") ?? "book";
        var queue = BenchOptions.Int(args, "--queue", new BlinkTradeClientOptions().SubscriberQueueCapacity);
        var timeout = TimeSpan.FromSeconds(BenchOptions.Int(args, "--rep-timeout", 20));
        if (stream is not ("book" or "messages" or "raw"))
        {
            Console.Error.WriteLine("usage: md-throughput [--frames N] [--reps N] [--warmup N] [--stream book|messages|raw] [--queue N] [--rep-timeout S] [--breakdown]");
            return 2;
        }
        if (Array.IndexOf(args, "--breakdown") >= 0)
        {
            BenchOptions.PrintMachine();
            MdBreakdown.Run(frames);
            return 0;
        }
        return RunAsync(frames, reps, warmups, stream, queue, timeout).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int frames, int reps, int warmups, string stream, int queue, TimeSpan timeout)
    {
        BenchOptions.PrintMachine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"md-throughput: {frames:N0} X frames/rep ({MarketDataFrameServer.Script.Length}-frame cycle, {MarketDataFrameServer.AverageFrameBytes:F0} B avg, book depth {MarketDataFrameServer.Depth}/side), subscriber = {stream switch { "book" => "ObserveOrderBook(\"BTCUSD\")", "messages" => "Messages (X count)", _ => "raw ClientWebSocket frame count (no client)" }}, queue {queue:N0}"));
        var ok = true;
        await using var server = await MarketDataFrameServer.StartAsync(frames);
        for (var i = 0; i < warmups; i++)
        {
            // Full-size reps on the same server: the first rep of a process is consistently slower (tier-up, heap growth).
            var warm = await RunOnceAsync(server, frames, stream, queue, timeout);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up {i + 1}: {warm.FramesPerSecond / 1e3:F0} k frames/s"));
        }

        var results = new List<Result>();
        for (var i = 0; i < reps; i++)
        {
            var r = await RunOnceAsync(server, frames, stream, queue, timeout);
            results.Add(r);
            ok &= r.Completed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rep {i + 1}: {r.FramesPerSecond / 1e3:F0} k frames/s{(r.Completed ? "" : " (TIMED OUT: partial)")}, {r.Seconds * 1e3:F0} ms wall, {r.CpuSeconds * 1e3:F0} ms process CPU ({r.CpuSeconds / r.Seconds:F2} cores), " +
                $"{r.AllocatedBytes / (double)frames:F0} B/frame, GC gen0/1/2 = {r.Gen0}/{r.Gen1}/{r.Gen2}, pause {r.PauseMs:F1} ms, subscriber saw {r.Delivered:N0} items, load {BenchOptions.LoadAverage()}"));
        }

        var sorted = results.Select(r => r.FramesPerSecond).Order().ToArray();
        if (sorted.Length > 0)
        {
            var perCpu = results.Select(r => frames / r.CpuSeconds).Order().ToArray();
            var bytes = results.Select(r => r.AllocatedBytes / (double)frames).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"throughput: median {sorted[sorted.Length / 2] / 1e3:F0} k frames/s, min {sorted[0] / 1e3:F0}, max {sorted[^1] / 1e3:F0} over {sorted.Length} reps (target >= 500 k/s)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"per process CPU second (client + server threads): median {perCpu[perCpu.Length / 2] / 1e3:F0} k frames, min {perCpu[0] / 1e3:F0}, max {perCpu[^1] / 1e3:F0}; allocated median {bytes[bytes.Length / 2]:F0} B/frame"));
        }
        return ok ? 0 : 1;
    }

    private static async Task<Result> RunOnceAsync(MarketDataFrameServer server, int frames, string stream, int queue, TimeSpan timeout)
    {
        if (stream == "raw")
        {
            return await RunRawAsync(server, frames, timeout);
        }

        await using var client = new BlinkTradeClient(new BlinkTradeClientOptions
        {
            Endpoint = server.Uri,
            HeartbeatInterval = TimeSpan.FromMinutes(10),
            HeartbeatAfterSilence = TimeSpan.FromMinutes(10),
            SubscriberQueueCapacity = queue,
        });
        await client.ConnectAsync();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long delivered = 0;
        var lastSequence = (long)frames + 1; // the W snapshot is sequence 1, every X changes the book
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        IDisposable subscription;
        IDisposable? messages = null;
        if (stream == "book")
        {
            subscription = client.ObserveOrderBook("BTCUSD").Subscribe(new Observer<OrderBookSnapshot>(
                book =>
                {
                    delivered++;
                    if (book.Sequence == lastSequence)
                    {
                        done.TrySetResult();
                    }
                },
                e => done.TrySetException(e)));
        }
        else
        {
            messages = client.Messages.Subscribe(new Observer<BlinkTradeMessage>(
                message =>
                {
                    if (message is MarketDataIncrementalRefresh && ++delivered == frames)
                    {
                        done.TrySetResult();
                    }
                },
                e => done.TrySetException(e)));
            subscription = client.ObserveOrderBook("BTCUSD").Subscribe(new Observer<OrderBookSnapshot>(_ => { }, _ => { }));
        }

        var completed = await Task.WhenAny(done.Task, Task.Delay(timeout)) == done.Task;
        var elapsed = Stopwatch.GetElapsedTime(start);
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        var result = new Result(
            completed, (completed ? frames : Math.Min(delivered, frames)) / elapsed.TotalSeconds, elapsed.TotalSeconds, cpuSeconds, bytes,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2,
            (GC.GetTotalPauseDuration() - pause).TotalMilliseconds, Interlocked.Read(ref delivered));
        if (done.Task.IsFaulted)
        {
            Console.WriteLine($"subscriber failed: {done.Task.Exception!.InnerException!.Message}");
        }
        subscription.Dispose();
        messages?.Dispose();
        return result;
    }

    private static async Task<Result> RunRawAsync(MarketDataFrameServer server, int frames, TimeSpan timeout)
    {
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(server.Uri, CancellationToken.None);
        var buffer = new byte[64 * 1024];
        using var cts = new CancellationTokenSource(timeout);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        await socket.SendAsync("{\"MsgType\":\"V\",\"MDReqID\":1,\"SubscriptionRequestType\":\"1\",\"MarketDepth\":0,\"MDUpdateType\":\"1\",\"MDEntryTypes\":[\"0\",\"1\",\"2\"],\"Instruments\":[\"BTCUSD\"]}"u8.ToArray(),
            System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);
        long received = 0;
        var completed = true;
        try
        {
            while (received < frames + 1)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), cts.Token);
                if (result.EndOfMessage)
                {
                    received++;
                }
            }
        }
        catch (OperationCanceledException)
        {
            completed = false;
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        process.Refresh();
        return new Result(completed, Math.Min(received, frames) / elapsed.TotalSeconds, elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds, bytes,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2, (GC.GetTotalPauseDuration() - pause).TotalMilliseconds, received);
    }

    private sealed record Result(bool Completed, double FramesPerSecond, double Seconds, double CpuSeconds, long AllocatedBytes, int Gen0, int Gen1, int Gen2, double PauseMs, long Delivered);

    private sealed class Observer<T>(Action<T> onNext, Action<Exception> onError) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error) => onError(error);

        public void OnNext(T value) => onNext(value);
    }
}
