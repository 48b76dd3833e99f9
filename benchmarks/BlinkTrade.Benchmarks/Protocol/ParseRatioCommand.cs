using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BlinkTrade.Benchmarks.Client;
using BlinkTrade.Benchmarks.Protocol.Peers;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Benchmarks.Protocol;

/// <summary>
/// <c>parse-ratio</c>: the comparison of <see cref="ParseVersusPeersBenchmarks"/> measured for a shared, loaded machine.
/// BenchmarkDotNet times each method in one block, so a load change between blocks moves the ratios; here the SDK and its
/// two peers run in short alternating batches (the order rotating every round), each batch sized and timed by the process's
/// CPU time (what a preempted thread does not spend), and the ratios are the medians of the
/// per-round ratios. Prints per-parse CPU ns, the ratios peer / SDK (and of a bare tokenizer pass, the floor) and the
/// bytes allocated per parse.
/// </summary>
internal static class ParseRatioCommand
{
    private sealed record Contender(string Name, Func<object> Parse);

    private sealed record Category(string Name, byte[] Frame, Contender[] Contenders);

    /// <summary>Runs the command.</summary>
    public static int Run(string[] args)
    {
        var rounds = BenchOptions.Int(args, "--rounds", 15);
        var batchMs = BenchOptions.Int(args, "--batch-ms", 20);
        BenchOptions.PrintMachine();
        Console.WriteLine($"cpu: {CpuModel()}; client: {typeof(ProtocolSerializer).Assembly.ManifestModule.ModuleVersionId}; {rounds} rounds, batches of ~{batchMs} CPU ms");

        var trade = MarketDataFrames.Trade();
        var book = MarketDataFrames.BookChanges();
        var snapshot = MarketDataFrames.Snapshot10x10();
        var report = ParseVersusPeersBenchmarks.ReportFrame;
        var exchangeReport = ExecutionReportFrames.PartialFill();
        Category[] categories =
        [
            new("X trade (1 entry)", trade, MarketData(trade)),
            new("X book (3 entries)", book, MarketData(book)),
            new("W 10x10", snapshot, MarketData(snapshot)),
            new("8 fill", report,
            [
                new("SDK", () => ProtocolSerializer.Deserialize(report)),
                new("JsonDocument", () => JsonDocumentClient.ParseExecutionReport(report)),
                new("Newtonsoft", () => NewtonsoftClient.ParseExecutionReport(report)),
                Floor(report),
            ]),
            new("8 fill (exchange's own)", exchangeReport,
            [
                new("SDK", () => ProtocolSerializer.Deserialize(exchangeReport)),
                new("JsonDocument", () => JsonDocumentClient.ParseExecutionReport(exchangeReport)),
                new("Newtonsoft", () => NewtonsoftClient.ParseExecutionReport(exchangeReport)),
                Floor(exchangeReport),
            ]),
        ];

        // Every contender first runs long enough for tiered compilation to settle: the CPU time is the process's, so the
        // JIT's background threads would otherwise be charged to whichever batch runs while they compile.
        foreach (var contender in categories.SelectMany(c => c.Contenders))
        {
            var warmUp = Stopwatch.StartNew();
            while (warmUp.ElapsedMilliseconds < 1000)
            {
                contender.Parse();
            }
        }

        Console.WriteLine();
        Console.WriteLine("| frame | bytes | SDK CPU ns | JsonDocument / SDK | Newtonsoft / SDK | tokenizer only / SDK | SDK / JsonDocument / Newtonsoft B per parse |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var category in categories)
        {
            Measure(category, rounds, batchMs);
        }
        Console.WriteLine($"load average after: {BenchOptions.LoadAverage()}");
        return 0;
    }

    private static Contender[] MarketData(byte[] frame) =>
    [
        new("SDK", () => ProtocolSerializer.Deserialize(frame)),
        new("JsonDocument", () => JsonDocumentClient.ParseMarketData(frame)),
        new("Newtonsoft", () => NewtonsoftClient.ParseMarketData(frame)),
        Floor(frame),
    ];

    // Only tokenizing the frame: the floor any parser pays, to show how much of the SDK's time is the parse itself.
    private static Contender Floor(byte[] frame) => new("Utf8JsonReader only", () =>
    {
        var reader = new Utf8JsonReader(frame);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }
        return tokens == 0 ? null! : frame; // not the count: boxing it would add an allocation to the floor
    });

    private static void Measure(Category category, int rounds, int batchMs)
    {
        var contenders = category.Contenders;
        var batch = new int[contenders.Length];
        var allocated = new long[contenders.Length];
        for (var c = 0; c < contenders.Length; c++)
        {
            // Size the batch by CPU time (half a second of calls): on a loaded machine the wall clock says little about how
            // much work a batch is.
            var watch = Stopwatch.StartNew();
            var cpu = Environment.CpuUsage.TotalTime;
            var calls = 0;
            while (watch.ElapsedMilliseconds < 500)
            {
                contenders[c].Parse();
                calls++;
            }
            var cpuMs = Math.Max(1, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
            batch[c] = Math.Max(1, (int)(calls / cpuMs * batchMs));
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                contenders[c].Parse();
            }
            allocated[c] = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
        }

        var cpuNs = new double[contenders.Length][];
        for (var c = 0; c < contenders.Length; c++)
        {
            cpuNs[c] = new double[rounds];
        }
        for (var r = 0; r < rounds; r++)
        {
            for (var k = 0; k < contenders.Length; k++)
            {
                var c = (r + k) % contenders.Length;
                var cpu = Environment.CpuUsage.TotalTime;
                for (var i = 0; i < batch[c]; i++)
                {
                    contenders[c].Parse();
                }
                cpuNs[c][r] = (Environment.CpuUsage.TotalTime - cpu).TotalNanoseconds / batch[c];
            }
        }

        var sdk = Median(cpuNs[0]);
        var ratios = Enumerable.Range(1, contenders.Length - 1)
            .Select(c => Median(Enumerable.Range(0, rounds).Select(r => cpuNs[c][r] / cpuNs[0][r]).ToArray()))
            .ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {category.Name} | {category.Frame.Length} | {sdk:F0} | {ratios[0]:F2}× | {ratios[1]:F2}× | {ratios[2]:F2} | {string.Join(" / ", allocated.Take(3))} |"));
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
}
