using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Robustness;

/// <summary>
/// Sessions waiting on the exchange actor hold nothing other sessions need: a reader that blocked a thread instead of
/// awaiting the actor would starve the others (and would stall Kestrel's I/O if its pipes ever ran inline,
/// docs/performance.md "Kestrel's pipes inline"). This checks that heartbeats of other sessions are answered while the
/// actor is held with orders queued behind it, and that a session's own heartbeat still waits its turn behind its
/// pending order (one request at a time, replies in order).
/// </summary>
public sealed class BusyActorHeartbeatTests
{
    private const int Pingers = 16;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Heartbeats_are_answered_while_the_actor_is_held_and_a_sessions_own_waits_behind_its_order(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        await using var alice = await harness.LoginAsync("alice");
        await using var bob = await harness.LoginAsync("bob");
        var pingers = new List<GatewayClient>();
        var actor = harness.Exchange.Runtime.Actor;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task? hold = null;
        try
        {
            for (var p = 0; p < Pingers; p++)
            {
                pingers.Add(await harness.ConnectAsync());
            }
            var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            hold = Task.Run(() => actor.InvokeAsync(_ =>
            {
                entered.SetResult();
                release.Task.Wait(TimeSpan.FromSeconds(60));
            }, CancellationToken.None));
            await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

            // Two sessions' readers now wait on the held actor, each with a heartbeat queued behind its order.
            await alice.SendAsync(Order("a1", "1", 500 * Btc, Btc / 100));
            await alice.SendAsync("""{"MsgType":"1","TestReqID":"alice"}""");
            await bob.SendAsync(Order("b1", "2", 600 * Btc, Btc / 100));
            await bob.SendAsync("""{"MsgType":"1","TestReqID":"bob"}""");
            await WaitUntilAsync(() => actor.Backlog >= 2);

            await Task.WhenAll(pingers.Select((client, p) => client.SendAsync($$"""{"MsgType":"1","TestReqID":"p{{p}}"}""")));
            for (var p = 0; p < Pingers; p++)
            {
                var reply = await pingers[p].WaitForTypeAsync("0", TimeSpan.FromSeconds(30));
                Assert.Equal($"p{p}", reply.GetProperty("TestReqID").GetString());
            }
            Assert.False(release.Task.IsCompleted);

            release.SetResult();
            await hold.WaitAsync(TimeSpan.FromSeconds(30));
            foreach (var (client, clOrdId, testReqId) in new[] { (alice, "a1", "alice"), (bob, "b1", "bob") })
            {
                var first = await client.WaitForAsync(f => f.GetProperty("MsgType").GetString() is "8" or "0", TimeSpan.FromSeconds(30));
                Assert.Equal("8", first.GetProperty("MsgType").GetString());
                Assert.Equal(clOrdId, first.GetProperty("ClOrdID").GetString());
                Assert.Equal("0", first.GetProperty("ExecType").GetString());
                var heartbeat = await client.WaitForTypeAsync("0", TimeSpan.FromSeconds(30));
                Assert.Equal(testReqId, heartbeat.GetProperty("TestReqID").GetString());
            }
        }
        finally
        {
            release.TrySetResult();
            if (hold is not null)
            {
                await hold.WaitAsync(TimeSpan.FromSeconds(30));
            }
            foreach (var client in pingers)
            {
                await client.DisposeAsync();
            }
        }
    }

    // The backlog builds as the sessions' readers hand their requests over; polled with a yield, the safety net only
    // bounds a broken run.
    private static async Task WaitUntilAsync(Func<bool> done)
    {
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!done())
        {
            await Task.Delay(1, safety.Token);
        }
    }
}
