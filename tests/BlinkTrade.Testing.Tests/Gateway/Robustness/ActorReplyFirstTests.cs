using System.Text;
using System.Text.Json;
using BlinkTrade.Testing.Gateway.Dispatch;
using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Robustness;

/// <summary>
/// A reply the exchange actor publishes (an order's first report) reaches the requester while the actor's work item is
/// still running — it is not held until the handler returns, behind the rest of the work (a book's fan-out to every
/// subscriber: issue 18 task 18p, the placer's latency independent of the subscribers). G39 and the session's order
/// still hold: what the session was sent before the reply (an earlier command's fill of the order being cancelled)
/// comes first, then the reply, then the rest, each in its order.
/// </summary>
public sealed class ActorReplyFirstTests
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);

    public static TheoryData<TransportKind> Transports() => new() { TransportKind.InMemory, TransportKind.WebSocket };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_reply_published_by_the_actor_reaches_the_requester_before_the_work_item_ends(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        await using var alice = await harness.LoginAsync("alice");
        var replyReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var replyBeforeTheEnd = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        // A request whose work item publishes to its own session a frame before its reply and one after it, then waits
        // (on the actor) until the client has the reply, as the book's fan-out would keep it busy.
        harness.Exchange.Runtime.Dispatcher.Map("ZZ18P", RouteAccess.Authenticated, async (services, session, message, cancellationToken) =>
        {
            var userId = session.Identity!.UserId;
            var seen = await services.Actor.InvokeAsync(_ =>
            {
                services.Registry.Publish(userId, "U3", Frame("U3", "before"));
                services.Registry.Publish(userId, "8", Frame("8", "reply"), session);
                services.Registry.Publish(userId, "U3", Frame("U3", "after"));
                return replyReceived.Task.Wait(SafetyNet);
            }, cancellationToken);
            replyBeforeTheEnd.SetResult(seen);
            services.Registry.Publish(userId, "U3", Frame("U3", "later"));
        });

        await alice.SendAsync("""{"MsgType":"ZZ18P"}""");

        var first = await alice.ReceiveAsync(SafetyNet) ?? throw new Xunit.Sdk.XunitException("closed before the reply");
        Assert.Equal("before", Tag(first));
        var reply = await alice.ReceiveAsync(SafetyNet) ?? throw new Xunit.Sdk.XunitException("closed before the reply");
        Assert.Equal("reply", Tag(reply));
        replyReceived.SetResult();
        Assert.True(await replyBeforeTheEnd.Task.WaitAsync(SafetyNet), "the work item ended before the client had its reply");
        var rest = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            rest.Add(Tag(await alice.ReceiveAsync(SafetyNet) ?? throw new Xunit.Sdk.XunitException($"closed after {string.Join(", ", rest)}")));
        }
        Assert.Equal(["after", "later"], rest);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_orders_first_report_comes_before_the_other_reports_and_refreshes_of_the_same_command(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        await using var alice = await harness.LoginAsync("alice");
        await using var bob = await harness.LoginAsync("bob");
        // Bob's resting offer; Alice's bid crosses it: her order's first report is the reply, then the fills and U3.
        await bob.RequestAsync(Order("b1", "2", 500 * Btc, 10_000_000), "8");

        await alice.SendAsync(Order("a1", "1", 500 * Btc, 10_000_000));

        var frames = new List<JsonElement>();
        while (!frames.Any(f => Type(f) == "U3"))
        {
            frames.Add(await alice.ReceiveAsync(SafetyNet) ?? throw new Xunit.Sdk.XunitException("closed"));
        }
        var order = string.Join(" → ", frames.Select(f => Type(f) == "8" ? $"8 {f.GetProperty("ClOrdID").GetString()} {f.GetProperty("ExecType").GetString()}" : Type(f)));
        Assert.True(frames.Count >= 3, order); // the reply, the fill, the balance
        Assert.All(frames.SkipLast(1), f => Assert.Equal(("8", "a1"), (Type(f), f.GetProperty("ClOrdID").GetString())));
        Assert.Contains(frames.SkipLast(1), f => f.GetProperty("OrdStatus").GetString() == "2"); // filled
    }

    private static byte[] Frame(string msgType, string tag) => Encoding.UTF8.GetBytes($$"""{"MsgType":"{{msgType}}","Tag":"{{tag}}"}""");

    private static string Tag(JsonElement frame) => frame.GetProperty("Tag").GetString()!;

    private static string Type(JsonElement frame) => frame.GetProperty("MsgType").GetString()!;
}
