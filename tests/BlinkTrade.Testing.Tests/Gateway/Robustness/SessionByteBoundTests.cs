using System.Net.Sockets;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Testing.Tests.Gateway.Robustness;

/// <summary>
/// Issue 12 item 3: a client that never reads while asking for large answers is bounded in bytes, not only in frames:
/// it is disconnected as a slow consumer once its queue passes <c>MaxSessionQueueBytes</c> (default 4 MiB, far under
/// the 4,096-frame bound here: each answer is ~60 KB), and every queued byte is released when it leaves.
/// </summary>
/// <remarks>
/// "Released" is checked on the objects that would hold the queue: the session that left must be collectable (a weak
/// reference to it dies after a full collection) and the exchange's count of queued bytes must be back to 0. The GC heap
/// is not a sharp enough gauge for one queue: the queued frames are pooled buffers (<c>ArrayPool.Shared</c>), which the
/// pool keeps after they are returned — up to 32 per core of each size plus one per thread, ~4 MiB of 64 KiB frames on
/// two cores, the size of the bound itself — and how many it still holds after a collection depends on its trimming.
/// The heap check that remains only catches gross leaks (more than two bounds). Runs alone: it measures the GC heap,
/// which parallel tests would disturb.
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

        await AssertReleasedAsync(await StalledAttackAsync(harness, logs, 1));
        var first = HeapAfterFullCollection();
        await AssertReleasedAsync(await StalledAttackAsync(harness, logs, 2));
        await AssertHeapReturnedAsync(first);
        Assert.DoesNotContain(logs.Entries, e => e.Id.Id == 4006); // the frame bound never tripped
    }

    [Fact]
    public async Task A_socket_that_never_reads_is_cut_at_the_byte_bound_and_its_memory_released()
    {
        var logs = new CollectingLoggerFactory();
        await using var harness = await ExchangeHarness.StartAsync(TransportKind.WebSocket, o => o with { LoggerFactory = logs });

        await AssertReleasedAsync(await SocketAttackAsync(harness, logs, 1));
        var first = HeapAfterFullCollection();
        await AssertReleasedAsync(await SocketAttackAsync(harness, logs, 2));
        await AssertHeapReturnedAsync(first);
    }

    // The exchange holds the session's frames back (a stall): 100 answers of 60 KB = 6 MB pass the 4 MiB bound.
    // Returns a weak reference to the exchange's session of the attack.
    private static async Task<WeakReference> StalledAttackAsync(ExchangeHarness harness, CollectingLoggerFactory logs, int round)
    {
        var ip = "10.0.0." + round;
        WeakReference session;
        await using (var greedy = await harness.ConnectAsync(ip))
        {
            session = await SessionOfAsync(harness, logs, round);
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
        return session;
    }

    // The peer never reads: the kernel buffers fill (a few MB on loopback), then the session's queue up to the bound.
    private static async Task<WeakReference> SocketAttackAsync(ExchangeHarness harness, CollectingLoggerFactory logs, int round)
    {
        var cut = logs.WaitForEventAsync(4030, m => m.StartsWith($"Session {round} ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        WeakReference session;
        using (var peer = await RawWebSocketPeer.ConnectAsync(harness.Exchange.WebSocketUri!))
        {
            session = await SessionOfAsync(harness, logs, round);
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
        return session;
    }

    // The exchange's session n (the round's): it is registered before it logs that it opened.
    private static async Task<WeakReference> SessionOfAsync(ExchangeHarness harness, CollectingLoggerFactory logs, long id)
    {
        await logs.WaitForEventAsync(4000, m => m.StartsWith($"Session {id} ", StringComparison.Ordinal));
        return WeakSessionOf(harness, id) ?? throw new InvalidOperationException($"session {id} logged that it opened but is not registered");
    }

    // Not inlined into an async method: a strong reference in its state machine would keep the session alive.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference? WeakSessionOf(ExchangeHarness harness, long id) =>
        harness.Exchange.Runtime.Registry.All.FirstOrDefault(s => s.Id == id) is { } session ? new WeakReference(session) : null;

    // Nothing keeps the session that left, so nothing keeps its queue. Its last continuations may still run for a moment
    // after the close was logged (longer on a loaded machine): collected again until it is gone, with a safety net.
    private static async Task AssertReleasedAsync(WeakReference session)
    {
        for (var attempt = 0; attempt < 40 && session.IsAlive; attempt++)
        {
            HeapAfterFullCollection();
            if (session.IsAlive)
            {
                await Task.Delay(250);
            }
        }
        Assert.False(session.IsAlive, "the session that left is still referenced (its queue with it)");
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

    // A gross-leak bound only (see the remarks): what ArrayPool.Shared caches of the frames can reach the size of one bound
    // (one run measured 3.1 MB of growth at load 25), so one leaked queue is the weak reference's to catch; this catches
    // frames kept by something other than the session, two queues' worth or more.
    private static async Task AssertHeapReturnedAsync(long before)
    {
        const long Threshold = Bound * 2;
        var after = HeapAfterFullCollection();
        for (var attempt = 0; attempt < 40 && after - before >= Threshold; attempt++)
        {
            await Task.Delay(250);
            after = HeapAfterFullCollection();
        }
        Assert.True(after - before < Threshold, $"heap grew by {(after - before) / 1024} KiB over a second attack ({before / 1024} → {after / 1024} KiB)");
    }
}
