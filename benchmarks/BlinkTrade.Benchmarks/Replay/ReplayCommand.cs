using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using BlinkTrade.Testing.Matching;
using BlinkTrade.Testing.Matching.Replay;

namespace BlinkTrade.Benchmarks.Replay;

/// <summary>
/// <c>replay &lt;file&gt; [--reps N] [--warmup N] [--digest FILE] [--book-events]</c>: replays a bench/FORMAT.md command stream through the
/// real engine (accounts on and funded so money never limits, fees 0, self-trade prevention off) following FORMAT.md §6:
/// parse first, preload untimed, warm-up reps, then timed reps on fresh engines (median/min/max), then separate latency
/// reps that time every command. Market-data book events are off (not part of the format) unless <c>--book-events</c> is given.
/// The last line printed is the digest followed by <c> ops/s=&lt;median&gt;</c>.
/// </summary>
public static class ReplayCommand
{
    private static readonly string[] KindNames = ["P-GTC", "P-IOC", "P-FOK", "K", "C"];

    /// <summary><c>--book-events</c>: the engine also computes positions and writes market-data book events.</summary>
    private static bool s_bookEvents;

    /// <summary><c>--lookahead N</c>: the timed runs announce each command N commands early (<see cref="MatchingEngine.Prefetch(in CancelOrder)"/>); 0 turns it off.</summary>
    private static int s_lookahead;

    /// <summary>Runs the command.</summary>
    /// <param name="args">Arguments after <c>replay</c>.</param>
    /// <returns>0 when every run printed the expected digest, 1 otherwise, 2 on bad arguments.</returns>
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: replay <stream-file> [--reps N] [--warmup N] [--latency-reps N] [--digest FILE] [--book-events] [--lookahead N]");
            return 2;
        }

        var file = args[0];
        var reps = IntOption(args, "--reps", 5);
        var warmups = IntOption(args, "--warmup", 3);
        s_bookEvents = args.Contains("--book-events");
        s_lookahead = IntOption(args, "--lookahead", StreamReplayer.DefaultLookahead);
        var latencyReps = IntOption(args, "--latency-reps", 2);
        var digestFile = StringOption(args, "--digest") ?? Path.ChangeExtension(file, ".digest");
        var expected = File.Exists(digestFile) ? File.ReadAllText(digestFile).Trim() : null;

        var parseWatch = Stopwatch.StartNew();
        var stream = CommandStream.Load(file);
        parseWatch.Stop();
        var timed = stream.Commands.Length - stream.Preload;
        Console.WriteLine($"stream: {file}: {stream.Commands.Length:N0} commands ({stream.Preload:N0} preload, {timed:N0} timed), {stream.Users.Length:N0} users, parsed in {parseWatch.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
            $"GC server={GCSettings.IsServerGC} concurrent={AppContext.TryGetSwitch("System.GC.Concurrent", out var concurrent) && concurrent} latency={GCSettings.LatencyMode}, " +
            $"TC_CallCountingDelayMs={Environment.GetEnvironmentVariable("DOTNET_TC_CallCountingDelayMs") ?? "(default)"}");
        Console.WriteLine($"expected digest: {expected ?? "(none: no .digest file)"}; market-data book events {(s_bookEvents ? "on" : "off (--book-events to turn on)")}; lookahead {s_lookahead}");

        var valid = true;
        string? digest = null;
        long trades = 0;
        for (var i = 0; i < warmups; i++)
        {
            var warm = Prepare(stream, trades);
            warm.Run(stream.Preload, stream.Commands.Length);
            digest = warm.Digest();
            trades = warm.Trades;
            valid &= Check(expected, digest, $"warm-up {i + 1}");
        }

        var results = new List<RunResult>();
        for (var i = 0; i < reps; i++)
        {
            var result = TimedRun(stream, trades);
            results.Add(result);
            valid &= Check(expected, result.Digest, $"rep {i + 1}");
            digest = result.Digest;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rep {i + 1}: {result.OpsPerSecond / 1e6:F2} M ops/s, {result.Seconds * 1e3:F1} ms wall, {result.CpuSeconds * 1e3:F1} ms process CPU, {result.AllocatedBytes / (double)timed:F3} B/command ({result.AllocatedBytes:N0} B), " +
                $"GC gen0/1/2 = {result.Gen0}/{result.Gen1}/{result.Gen2}, GC pause total {result.PauseMs:F2} ms"));
        }

        var sorted = results.Select(r => r.OpsPerSecond).Order().ToArray();
        var median = sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
        if (sorted.Length > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"throughput: median {median / 1e6:F2} M ops/s, min {sorted[0] / 1e6:F2}, max {sorted[^1] / 1e6:F2} over {sorted.Length} reps"));
            var cpuSorted = results.Where(r => r.CpuSeconds > 0).Select(r => timed / r.CpuSeconds).Order().ToArray();
            if (cpuSorted.Length > 0)
            {
                // On a shared machine wall time includes time the thread was preempted; process CPU time does not.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"per process CPU time: median {cpuSorted[cpuSorted.Length / 2] / 1e6:F2} M ops/s, min {cpuSorted[0] / 1e6:F2}, max {cpuSorted[^1] / 1e6:F2}; load average {LoadAverage()}"));
            }
        }

        for (var i = 0; i < latencyReps; i++)
        {
            var latency = LatencyRun(stream, trades, out var latencyDigest);
            valid &= Check(expected, latencyDigest, $"latency rep {i + 1}");
            if (i == latencyReps - 1)
            {
                PrintLatency(latency);
            }
        }

        Console.WriteLine(valid ? "digest check: OK" : "digest check: FAILED (runs with a wrong digest are invalid)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{digest} ops/s={median:F0}"));
        return valid ? 0 : 1;
    }

    private static StreamReplayer Prepare(CommandStream stream, long expectedTrades)
    {
        var replayer = new StreamReplayer(stream, SelfTradePrevention.None, expectedTrades, s_bookEvents) { Lookahead = s_lookahead };
        replayer.Run(0, stream.Preload);
        return replayer;
    }

    private static RunResult TimedRun(CommandStream stream, long expectedTrades)
    {
        var replayer = Prepare(stream, expectedTrades);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        replayer.Run(stream.Preload, stream.Commands.Length);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        var timed = stream.Commands.Length - stream.Preload;
        return new RunResult(
            timed / elapsed.TotalSeconds,
            elapsed.TotalSeconds,
            cpuSeconds,
            bytes,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2,
            (GC.GetTotalPauseDuration() - pause).TotalMilliseconds,
            replayer.Digest());
    }

    /// <summary>Times every command separately (a separate pass: the clock reads would distort the throughput reps). Like the
    /// throughput loop, each timed step also announces the command <see cref="StreamReplayer.Lookahead"/> places ahead (its
    /// prefetch hints are part of the step's time), as an engine reading its input ring would.</summary>
    private static long[][] LatencyRun(CommandStream stream, long expectedTrades, out string digest)
    {
        var replayer = Prepare(stream, expectedTrades);
        var commands = stream.Commands;
        var counts = new int[KindNames.Length];
        for (var i = stream.Preload; i < commands.Length; i++)
        {
            counts[KindOf(ref commands[i])]++;
        }

        var samples = counts.Select(c => new long[c]).ToArray();
        Array.Clear(counts);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var ahead = replayer.Lookahead;
        for (var i = stream.Preload; i < Math.Min(stream.Preload + ahead, commands.Length); i++)
        {
            replayer.Prefetch(ref commands[i]);
        }

        for (var i = stream.Preload; i < commands.Length; i++)
        {
            ref var command = ref commands[i];
            var start = Stopwatch.GetTimestamp();
            if (ahead > 0 && i + ahead < commands.Length && replayer.Engine.WantsLookahead)
            {
                replayer.Prefetch(ref commands[i + ahead]);
            }

            replayer.Apply(ref command);
            var ticks = Stopwatch.GetTimestamp() - start;
            var kind = KindOf(ref command);
            samples[kind][counts[kind]++] = ticks;
        }

        digest = replayer.Digest();
        return samples;
    }

    private static void PrintLatency(long[][] samples)
    {
        var nsPerTick = 1e9 / Stopwatch.Frequency;
        Console.WriteLine("latency per command (ns, includes ~2 clock reads):");
        Console.WriteLine($"  {"type",-6} {"count",10} {"p50",8} {"p99",8} {"p99.9",8} {"p99.99",8} {"max",10}");
        var all = samples.SelectMany(s => s).ToArray();
        for (var kind = 0; kind <= KindNames.Length; kind++)
        {
            var data = kind < KindNames.Length ? samples[kind] : all;
            if (data.Length == 0)
            {
                continue;
            }

            Array.Sort(data);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(kind < KindNames.Length ? KindNames[kind] : "all"),-6} {data.Length,10:N0} {Pct(data, 0.50) * nsPerTick,8:F0} {Pct(data, 0.99) * nsPerTick,8:F0} {Pct(data, 0.999) * nsPerTick,8:F0} {Pct(data, 0.9999) * nsPerTick,8:F0} {data[^1] * nsPerTick,10:F0}"));
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static long Pct(long[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int KindOf(ref StreamCommand command) => command.Kind switch
    {
        StreamCommandKind.Cancel => 4,
        StreamCommandKind.Market => 3,
        _ => command.TimeInForce switch
        {
            TimeInForce.ImmediateOrCancel => 1,
            TimeInForce.FillOrKill => 2,
            _ => 0,
        },
    };

    private static bool Check(string? expected, string digest, string run)
    {
        if (expected is null || string.Equals(expected, digest, StringComparison.Ordinal))
        {
            return true;
        }

        Console.WriteLine($"{run}: DIGEST MISMATCH: {digest}");
        return false;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        StringOption(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private static string? StringOption(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private sealed record RunResult(double OpsPerSecond, double Seconds, double CpuSeconds, long AllocatedBytes, int Gen0, int Gen1, int Gen2, double PauseMs, string Digest);
}
