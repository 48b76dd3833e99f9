using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>A request issued while the client reconnects waits for the new, logged-in session and then goes out: the
/// exchange would refuse an order that arrived before the login ("Not authorized"), so its acceptance proves the order.</summary>
public sealed class RequestsWhileReconnectingTests
{
    private const long Coin = 1_0000_0000;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Orders_sent_right_after_the_link_drops_go_out_after_the_re_login(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 10_000 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);
        var states = new Recorder<ConnectionStateChange>();
        using var s = alice.ConnectionStates.Subscribe(states);

        // The link drops and the exchange's answers are held back: the client reconnects, but its re-login is unanswered.
        h.Exchange.Faults.StallOutbound("127.0.0.1");
        Assert.Equal(1, h.Exchange.Faults.DropConnectionsOf(aliceId));
        await states.WaitForAsync(x => x.State == ConnectionState.Reconnecting, what: "the client noticed the drop");
        var orders = Enumerable.Range(0, 5)
            .Select(i => alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.1m), Price.FromDecimal(500m + i)), ct))
            .ToList();
        var balances = alice.GetBalancesAsync(ct);
        await Wait.Eventually(() => h.Exchange.Faults.ConnectionCount == 1, what: "the client reconnected");
        Assert.Equal(ConnectionState.Reconnecting, alice.State);
        Assert.DoesNotContain(orders, o => o.IsCompleted);

        // An order that reached the exchange before the re-login would now come back "Not authorized".
        h.Exchange.Faults.ResumeOutbound();
        var reports = await Task.WhenAll(orders);
        Assert.All(reports, r => Assert.Equal(OrdStatus.New, r.OrdStatus));
        Assert.Equal(10_000 * Coin, (await balances).Get("USD")?.Total?.Satoshis);
        Assert.Equal(5, (await h.Exchange.GetOpenOrdersAsync(aliceId, ct)).Count);
        // ConnectionStates delivers on its own queue: the change may reach the recorder after the replies did.
        await states.WaitForAsync(x => x.State == ConnectionState.LoggedIn && x.Reason.StartsWith("Reconnected", StringComparison.Ordinal), what: "the re-login reported");
    }
}
