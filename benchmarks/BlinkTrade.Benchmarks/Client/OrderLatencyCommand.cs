using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.Testing;

namespace BlinkTrade.Benchmarks.Client;

/// <summary>
/// <c>order-latency [--samples N] [--warmup N] [--warmup-seconds S] [--transport websocket|inmemory|both] [--max-seconds S] [--alloc-types]</c>: order
/// round-trip latency of a real <see cref="BlinkTradeClient"/> against the reference exchange (gateway, engine,
/// accounts), over its loopback Kestrel WebSocket server and/or its in-memory transport. One sample = <c>await
/// SendOrderAsync</c> of a limit buy that rests (send → first execution report, <c>New</c>), then <c>await
/// CancelOrderAsync</c> of it (send → cancel report); one request in flight at a time. Percentiles are nearest-rank
/// over the timed samples, after a warm-up that lasts until the JIT has stopped recompiling.
/// </summary>
public static class OrderLatencyCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(string[] args)
    {
        var samples = BenchOptions.Int(args, "--samples", 10_000);
        var warmup = BenchOptions.Int(args, "--warmup", 2_000);
        var transport = BenchOptions.String(args, "--transport") ?? "both";
        var maxSeconds = BenchOptions.Int(args, "--max-seconds", 25);
        var warmupSeconds = BenchOptions.Int(args, "--warmup-seconds", 20);
        if (transport is not ("websocket" or "inmemory" or "both"))
        {
            Console.Error.WriteLine("usage: order-latency [--samples N] [--warmup N] [--warmup-seconds S] [--transport websocket|inmemory|both] [--max-seconds S] [--alloc-types]");
            return 2;
        }
        BenchOptions.PrintMachine();
        using var sampler = Array.IndexOf(args, "--alloc-types") >= 0 ? new AllocationSampler() : null;
        var ok = true;
        foreach (var name in transport == "both" ? new[] { "websocket", "inmemory" } : [transport])
        {
            ok &= RunAsync(name, samples, warmup, TimeSpan.FromSeconds(warmupSeconds), TimeSpan.FromSeconds(maxSeconds)).GetAwaiter().GetResult();
        }
        sampler?.Print(top: 30);
        return ok ? 0 : 1;
    }

    private static async Task<bool> RunAsync(string transport, int samples, int warmup, TimeSpan maxWarmup, TimeSpan maxTime)
    {
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions
        {
            PasswordHashIterations = 1,
            MaxMessagesPerSecond = 1_000_000,
            EnableWebSocketServer = transport == "websocket",
        });
        await exchange.CreateBrokerAsync(5, "exchange", 10, 20);
        await exchange.CreateInstrumentAsync("BTCUSD", "BTC", "USD");
        var user = await exchange.CreateUserAsync("bench", "bench-pw-1", 5, "bench@example.com");
        await exchange.CreditAsync(user, "USD", new(1_000_000_00000000));
        await exchange.CreditAsync(user, "BTC", new(1_000_00000000));
        await using var client = new BlinkTradeClient(new BlinkTradeClientOptions
        {
            Endpoint = transport == "websocket" ? exchange.WebSocketUri : new Uri("ws://in-memory/trade/"),
            Transport = transport == "websocket" ? null : exchange.CreateInMemoryTransport(),
            BrokerId = 5,
            Credentials = BlinkTradeCredentials.FromPassword("bench", "bench-pw-1"),
            HeartbeatInterval = TimeSpan.FromMinutes(10),
            HeartbeatAfterSilence = TimeSpan.FromMinutes(10),
            // The exchange allows 1,000,000 messages/s here: the client's own pacing (for a real exchange) would make
            // this a measure of the pacer (a few pairs a second), not of the round trip.
            Pacing = { Enabled = false },
        });
        await client.ConnectAsync();

        var order = NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(0.01m), Price.FromDecimal(500m));
        var (warmed, jitSettled) = await WarmUpAsync(client, order, warmup, maxWarmup);
        if (warmed < 0)
        {
            return false;
        }
        var sendTicks = new long[samples];
        var cancelTicks = new long[samples];
        var ok = true;
        var n = 0;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var workItems = ThreadPool.CompletedWorkItemCount;
        var cpu = Environment.CpuUsage.TotalTime;
        var jitted = JitInfo.GetCompiledMethodCount();
        var deadline = Stopwatch.GetTimestamp() + (long)(maxTime.TotalSeconds * Stopwatch.Frequency);
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < samples && Stopwatch.GetTimestamp() < deadline; i++)
        {
            var (send, cancel, error) = await RoundTripAsync(client, order);
            if (error is not null)
            {
                Console.WriteLine(error);
                ok = false;
                break;
            }
            sendTicks[i] = send;
            cancelTicks[i] = cancel;
            n = i + 1;
        }
        var seconds = wall.Elapsed.TotalSeconds;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        // Thread-pool work items and process CPU per pair: each hop between loops is a work item (and usually a
        // thread wake-up), and CPU time is far less sensitive than wall time to what else the machine is running.
        var items = ThreadPool.CompletedWorkItemCount - workItems;
        var cpuUs = (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds;
        var jittedDuring = JitInfo.GetCompiledMethodCount() - jitted;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"order-latency over {transport}: {n:N0} samples after {warmed:N0} warm-up pairs ({(jitSettled ? "JIT settled" : "JIT still compiling at --warmup-seconds")}; {jittedDuring} methods compiled while timing) ({(n < samples ? "stopped at --max-seconds" : "complete")}), {n / Math.Max(seconds, 1e-9):F0} order+cancel pairs/s, " +
            $"{(n == 0 ? 0 : bytes / (double)n):F0} B allocated per pair (client + exchange), GC gen0/1/2 = {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, " +
            $"{(n == 0 ? 0 : items / (double)n):F1} thread-pool work items and {(n == 0 ? 0 : cpuUs / n):F0} µs process CPU per pair, load {BenchOptions.LoadAverage()}"));
        Console.WriteLine($"  {"µs",-28} {"p50",8} {"p90",8} {"p99",8} {"p99.9",8} {"max",8}");
        Print("SendOrderAsync → first ER", sendTicks[..n]);
        Print("CancelOrderAsync → ER", cancelTicks[..n]);
        return ok && n > 0;
    }

    // Tiered compilation keeps recompiling hot methods in the background for a while after they start running (with
    // PGO through an instrumented tier first, each step after a call-counting delay), so a fixed number of warm-up
    // pairs can leave the timed samples running tier-0 code: that measured ~2× the steady-state latency here. Warm up
    // for at least `minimum` pairs and then until a whole chunk of pairs, longer than the runtime's 100 ms
    // call-counting delay, ran without compiling a method (or `maxTime` passed). Returns -1 pairs on a bad report.
    private static async Task<(int Pairs, bool Settled)> WarmUpAsync(BlinkTradeClient client, NewOrder order, int minimum, TimeSpan maxTime)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(maxTime.TotalSeconds * Stopwatch.Frequency);
        var chunk = (long)(0.3 * Stopwatch.Frequency);
        var pairs = 0;
        while (true)
        {
            var jitted = JitInfo.GetCompiledMethodCount();
            var chunkEnd = Stopwatch.GetTimestamp() + chunk;
            do
            {
                var (_, _, error) = await RoundTripAsync(client, order);
                if (error is not null)
                {
                    Console.WriteLine(error);
                    return (-1, false);
                }
                pairs++;
            }
            while (Stopwatch.GetTimestamp() < chunkEnd || pairs < minimum);
            if (JitInfo.GetCompiledMethodCount() == jitted)
            {
                return (pairs, true);
            }
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return (pairs, false);
            }
        }
    }

    // One sample: the order (rests: send → first ER New), then its cancel (send → Cancelled), in Stopwatch ticks.
    private static async Task<(long Send, long Cancel, string? Error)> RoundTripAsync(BlinkTradeClient client, NewOrder order)
    {
        var t0 = Stopwatch.GetTimestamp();
        var report = await client.SendOrderAsync(order);
        var t1 = Stopwatch.GetTimestamp();
        var cancel = await client.CancelOrderAsync(report.ClOrdID!);
        var t2 = Stopwatch.GetTimestamp();
        return report.OrdStatus != OrdStatus.New || cancel.OrdStatus != OrdStatus.Cancelled
            ? (0, 0, $"unexpected reports: order {report.OrdStatus} {report.Text}, cancel {cancel.OrdStatus} {cancel.Text}")
            : (t1 - t0, t2 - t1, null);
    }

    private static void Print(string label, long[] ticks)
    {
        if (ticks.Length == 0)
        {
            return;
        }
        Array.Sort(ticks);
        var us = 1e6 / Stopwatch.Frequency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-28} {BenchOptions.Percentile(ticks, 0.50) * us,8:F1} {BenchOptions.Percentile(ticks, 0.90) * us,8:F1} {BenchOptions.Percentile(ticks, 0.99) * us,8:F1} {BenchOptions.Percentile(ticks, 0.999) * us,8:F1} {ticks[^1] * us,8:F1}"));
    }
}
