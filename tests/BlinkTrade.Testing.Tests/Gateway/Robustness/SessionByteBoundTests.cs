using System.Net.Sockets;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Testing.Tests.Gateway.Robustness;

/// <summary>
/// Issue 12 item 3: a client that never reads while asking for large answers is bounded in bytes, not only in frames:
/// it is disconnected as a slow consumer once its queue passes <c>MaxSessionQueueBytes</c> (default 4 MiB, far under
/// the 4,096-frame bound here: each answer is ~60 KB), and every queued byte is released when it leaves.
/// </summary>
/// <remarks>
/// Runs alone: it measures the GC heap, which parallel tests would disturb. The attack runs twice and the heap is
/// compared after each: the first warms one-time caches (pools, per-thread buffers), so a queue kept alive by the
/// session that left would show as ≥ 4 MiB of growth between the two.
/// </remarks>
[Collection(SocketTimingCollection.Name)]
public sealed class SessionByteBoundTests
{
    private const long Bound = 4 * 1024 * 1024;
    private const int AnswerBytes = 60_000;
    private static readonly string LargeHeartbeat = $$"""{"MsgType":"1","TestReqID":1,"SendTime":"{{new string('x', AnswerBytes)}}"}""";

    [Fact]
    public async Task A_stalled_session_asking_for_large_answers_is_cut_at_the_byte_bound_and_its_memory_released()
    {
        var logs = new CollectingLoggerFactory();
        await using var harness = await ExchangeHarness.StartAsync(TransportKind.InMemory, o => o with { LoggerFactory = logs });
        Assert.Equal(Bound, harness.Exchange.Runtime.Options.MaxSessionQueueBytes);

        await StalledAttackAsync(harness, logs, 1);
        var first = HeapAfterFullCollection();
        await StalledAttackAsync(harness, logs, 2);
        await AssertHeapReturnedAsync(first);
        Assert.DoesNotContain(logs.Entries, e => e.Id.Id == 4006); // the frame bound never tripped
    }

    [Fact]
    public async Task A_socket_that_never_reads_is_cut_at_the_byte_bound_and_its_memory_released()
    {
        var logs = new CollectingLoggerFactory();
        await using var harness = await ExchangeHarness.StartAsync(TransportKind.WebSocket, o => o with { LoggerFactory = logs });

        await SocketAttackAsync(harness, logs, 1);
        var first = HeapAfterFullCollection();
        await SocketAttackAsync(harness, logs, 2);
        await AssertHeapReturnedAsync(first);
    }

    // The exchange holds the session's frames back (a stall): 100 answers of 60 KB = 6 MB pass the 4 MiB bound.
    private static async Task StalledAttackAsync(ExchangeHarness harness, CollectingLoggerFactory logs, int round)
    {
        var ip = "10.0.0." + round;
        await using (var greedy = await harness.ConnectAsync(ip))
        {
            harness.Exchange.Faults.StallOutbound(ip);
            var cut = logs.WaitForEventAsync(4030, m => m.StartsWith($"Session {round} ", StringComparison.Ordinal));
            try
            {
                for (var i = 0; i < 100 && !cut.IsCompleted; i++)
                {
                    await greedy.SendAsync(LargeHeartbeat);
                }
            }
            catch (ConnectionClosedException)
            {
                // Dropped while still sending: the disconnect came first.
            }
            await cut;
            Assert.True(await greedy.WaitForCloseAsync(), "the greedy session stayed open");
            var error = Assert.Single(greedy.Backlog, f => f.GetProperty("MsgType").GetString() == "ERROR");
            Assert.Equal("Slow consumer", error.GetProperty("Description").GetString());
            Assert.Equal($"More than {Bound} bytes queued; disconnected", error.GetProperty("Detail").GetString());
            harness.Exchange.Faults.ResumeOutbound();
        }
        await WaitUntilEveryClosedAsync(harness, logs, round);
        Assert.Equal(0, harness.Exchange.Runtime.QueuedBytes);
    }

    // The peer never reads: the kernel buffers fill (a few MB on loopback), then the session's queue up to the bound.
    private static async Task SocketAttackAsync(ExchangeHarness harness, CollectingLoggerFactory logs, int round)
    {
        var cut = logs.WaitForEventAsync(4030, m => m.StartsWith($"Session {round} ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        using (var peer = await RawWebSocketPeer.ConnectAsync(harness.Exchange.WebSocketUri!))
        {
            try
            {
                for (var i = 0; i < 2_000 && !cut.IsCompleted; i++)
                {
                    await peer.SendTextAsync(LargeHeartbeat);
                }
            }
            catch (SocketException)
            {
                // Dropped while still sending: the disconnect came first.
            }
            await cut;
            Assert.True(await peer.DrainUntilClosedAsync(TimeSpan.FromSeconds(30)), "the connection stayed open");
        }
        await WaitUntilEveryClosedAsync(harness, logs, round);
        Assert.Equal(0, harness.Exchange.Runtime.QueuedBytes);
        Assert.Equal(0, harness.Exchange.Runtime.Registry.Count);
    }

    // Session n of the exchange closes last in round n (one session per round).
    private static Task WaitUntilEveryClosedAsync(ExchangeHarness harness, CollectingLoggerFactory logs, int round) =>
        logs.WaitForEventAsync(4001, m => m.StartsWith($"Session {round} ", StringComparison.Ordinal));

    private static long HeapAfterFullCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    // The session's teardown ends in continuations that may still hold its last frames for a moment after the close
    // was logged (longer on a loaded machine): the heap is re-measured until it has come back, with a safety net.
    // A session that kept its queue would keep more than Bound (it is cut once it holds more): the threshold is three
    // quarters of that. Below it stays what is cached, not leaked — ArrayPool.Shared keeps returned frame buffers per
    // thread and per core, and the second attack's frames may land on other pool threads than the first's (one run
    // measured 2.3 MB of it, more than the half-bound this threshold used to be).
    private static async Task AssertHeapReturnedAsync(long before)
    {
        const long Threshold = Bound * 3 / 4;
        var after = HeapAfterFullCollection();
        for (var attempt = 0; attempt < 40 && after - before >= Threshold; attempt++)
        {
            await Task.Delay(250);
            after = HeapAfterFullCollection();
        }
        Assert.True(after - before < Threshold, $"heap grew by {(after - before) / 1024} KiB over a second attack ({before / 1024} → {after / 1024} KiB)");
    }
}
