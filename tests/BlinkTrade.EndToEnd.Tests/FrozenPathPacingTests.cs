using BlinkTrade.Client;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Requests;
using BlinkTrade.EndToEnd.Tests.Support;
using BlinkTrade.Testing;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>
/// G40 under a network fault found by the s13 chaos soak (a TCP proxy between the client and the standalone exchange):
/// a path to the server that freezes and then recovers delivers everything sent meanwhile at once. Pacing by the
/// client's own send times let a client well under the limit by its clock trip the exchange's ("Too many messages per
/// second", then a close): what the server counts is arrivals. The client now keeps a request's permit until an answer
/// shows the server has read it (a message nothing answers: an answer to a later request), so no more than the limit
/// can arrive together however long the path was frozen.
/// </summary>
public sealed class FrozenPathPacingTests
{
    private const long Coin = 1_0000_0000;
    private static readonly int DefaultLimit = new ReferenceExchangeOptions().MaxMessagesPerSecond;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public Task Requests_sent_while_the_path_to_the_exchange_is_frozen_never_arrive_faster_than_its_rate_limit(TransportKind kind)
        => FreezeSendAndRecoverAsync(kind, cancelAlls: 0);

    // s13-soak: a cancel-all's two frames carry no request, so nothing answers them. Their permits came back by send
    // time while the frozen path still held the frames; now they wait for the answer to a later request too.
    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public Task Cancel_alls_sent_while_the_path_is_frozen_count_until_the_exchange_has_read_them(TransportKind kind)
        => FreezeSendAndRecoverAsync(kind, cancelAlls: 3);

    private static async Task FreezeSendAndRecoverAsync(TransportKind kind, int cancelAlls)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct, configure: o => o with { MaxMessagesPerSecond = DefaultLimit });
        await h.CreateUserAsync("alice", usd: 1_000 * Coin, cancellationToken: ct);
        var chaos = new ChaosTransport(h.Options(null).Transport!, TimeProvider.System);
        var alice = h.Client("alice", configure: o =>
        {
            o.Transport = chaos;
            o.Pacing = new PacingOptions();
            o.RequestTimeout = TimeSpan.FromSeconds(3);
        });
        var states = new Recorder<ConnectionStateChange>();
        var errors = new Recorder<BlinkTradeClientError>();
        using var s1 = alice.ConnectionStates.Subscribe(states);
        using var s2 = alice.Errors.Subscribe(errors);
        await alice.ConnectAsync(ct);

        // The path to the exchange freezes; the application cancels all its orders (messages nothing answers) and asks
        // for its balances 20 times, which pacing by send time spreads over more than a second. Nothing is answered:
        // every request times out.
        Assert.True(chaos.HoldOutbound());
        for (var i = 0; i < cancelAlls; i++)
        {
            await alice.CancelAllOrdersAsync(cancellationToken: ct);
        }
        var requests = Enumerable.Range(0, DefaultLimit + 5).Select(_ => alice.GetBalancesAsync(ct)).ToList();
        foreach (var request in requests)
        {
            await Assert.ThrowsAsync<BlinkTradeTimeoutException>(() => request);
        }
        var held = chaos.HeldOutbound;

        // The path recovers: what was held arrives at once, then the session goes on as before (with the client
        // reconnecting if the exchange closed it, the next round trip waits for the new session).
        await chaos.ReleaseOutboundAsync(ct);
        await alice.PingAsync(ct);
        await alice.GetBalancesAsync(ct);
        var what = $"{held} messages went out unanswered and reached the exchange together: "
            + string.Join("; ", errors.Items.Select(e => $"{e.Kind} {e.Message}"));
        Assert.False(errors.Items.Any(e => e.Kind is ClientErrorKind.ServerError or ClientErrorKind.ConnectionLost), what);
        Assert.False(states.Items.Any(x => x.State == ConnectionState.Reconnecting), what);
        Assert.True(held <= DefaultLimit, what);
        Assert.Equal(ConnectionState.LoggedIn, alice.State);
    }
}
