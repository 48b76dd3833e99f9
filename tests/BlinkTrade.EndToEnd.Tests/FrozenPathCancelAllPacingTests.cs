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
/// shows the server has read it, so no more than the limit can arrive together however long the path was frozen.
/// </summary>
public sealed class FrozenPathCancelAllPacingTests
{
    private const long Coin = 1_0000_0000;
    private static readonly int DefaultLimit = new ReferenceExchangeOptions().MaxMessagesPerSecond;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Cancel_all_sent_while_the_path_is_frozen_counts_until_the_exchange_read_it(TransportKind kind)
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

        // The path to the exchange freezes; the application asks for its balances 20 times, which pacing by send time
        // spreads over more than a second. Nothing is answered: every request times out.
        Assert.True(chaos.HoldOutbound());
        // s13-soak: a cancel-all's two frames carry no pending request, so their permits come back by send time,
        // while the frames are still held by the frozen path.
        for (var i = 0; i < 3; i++)
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
