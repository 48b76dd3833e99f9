using System.Text.Json;
using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Robustness;

/// <summary>
/// PROTOCOL.md §5 G39 and per-session ordering when the exchange actor drains a backlog in batches: many sessions'
/// orders queue up together (the actor is held busy while they arrive), cross each other, and each session still gets
/// its replies in the order it sent the requests, each reply before the publications its request caused.
/// </summary>
public sealed class BatchedReplyOrderTests
{
    private const int Sessions = 12;
    private const int OrdersPerSession = 10;

    [Fact]
    public async Task Interleaved_sessions_get_their_replies_in_order_each_before_what_it_caused()
    {
        await using var harness = await StartFundedAsync(TransportKind.InMemory);
        var clients = new List<GatewayClient>();
        try
        {
            for (var s = 0; s < Sessions; s++)
            {
                var user = await harness.Exchange.CreateUserAsync($"trader{s}", ExchangeHarness.Password, 5, $"trader{s}@example.com");
                await harness.Exchange.CreditAsync(user, "BTC", new(10 * Btc));
                await harness.Exchange.CreditAsync(user, "USD", new(100_000 * Btc));
                clients.Add(await harness.LoginAsync($"trader{s}"));
            }

            var actor = harness.Exchange.Runtime.Actor;
            var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var hold = Task.Run(() => actor.InvokeAsync(_ =>
            {
                entered.SetResult();
                release.Task.Wait(TimeSpan.FromSeconds(30));
            }, CancellationToken.None));
            await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

            // Every session pipelines its orders: even sessions buy, odd sessions sell, at one price, so most orders
            // cross an order of another session queued in the same batch.
            for (var s = 0; s < Sessions; s++)
            {
                var side = s % 2 == 0 ? "1" : "2";
                for (var k = 0; k < OrdersPerSession; k++)
                {
                    await clients[s].SendAsync(Order($"s{s}-{k}", side, 500 * Btc, ((k % 3) + 1) * 1_000_000));
                }
            }
            // Each session's reader hands one request at a time to the actor: one queued item per session.
            await WaitForBacklogAsync(() => actor.Backlog >= Sessions);
            release.SetResult();
            await hold.WaitAsync(TimeSpan.FromSeconds(30));

            var trades = 0;
            for (var s = 0; s < Sessions; s++)
            {
                var frames = await ReadUntilRepliedAsync(clients[s], s);
                var replies = new List<string>();
                foreach (var frame in frames)
                {
                    var type = frame.GetProperty("MsgType").GetString();
                    if (type == "8")
                    {
                        var clOrdId = frame.GetProperty("ClOrdID").GetString()!;
                        if (!replies.Contains(clOrdId))
                        {
                            // The first report of an order is the reply to its D: the acceptance, before its fills.
                            Assert.Equal("0", frame.GetProperty("ExecType").GetString());
                            replies.Add(clOrdId);
                        }
                        trades += frame.GetProperty("ExecType").GetString() is "1" or "2" ? 1 : 0; // partial fill, fill
                    }
                    else
                    {
                        // A balance refresh is caused by one of the session's own orders: never before the first reply.
                        Assert.Equal("U3", type);
                        Assert.NotEmpty(replies);
                    }
                }
                Assert.Equal(Enumerable.Range(0, OrdersPerSession).Select(k => $"s{s}-{k}"), replies);
            }
            Assert.True(trades > 0, "no order crossed: the test did not exercise publications to other sessions");
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    // Frames of session s in arrival order until its last order's first report (the replies come in order, so by then
    // every order has had its reply).
    private static async Task<List<JsonElement>> ReadUntilRepliedAsync(GatewayClient client, int s)
    {
        var frames = new List<JsonElement>();
        var last = $"s{s}-{OrdersPerSession - 1}";
        while (!frames.Any(f => f.GetProperty("MsgType").GetString() == "8" && f.GetProperty("ClOrdID").GetString() == last))
        {
            frames.Add(await client.ReceiveAsync() ?? throw new Xunit.Sdk.XunitException($"session {s} closed"));
        }
        return frames;
    }

    // The backlog builds as the sessions' readers hand their first requests over; this waits for that state (polling
    // with a yield, the safety net only bounds a broken run).
    private static async Task WaitForBacklogAsync(Func<bool> built)
    {
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!built())
        {
            await Task.Delay(1, safety.Token);
        }
    }
}
