using BlinkTrade.Client;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;
using BlinkTrade.Testing;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>At the defaults (exchange limit 15 messages per rolling second, client pacing on) a burst of orders never
/// trips the exchange's rate limit (G40). Takes about 20 s per transport: the exchange's limit sets the pace.</summary>
public sealed class PacingTests
{
    private const long Coin = 1_0000_0000;
    private static readonly int DefaultLimit = new ReferenceExchangeOptions().MaxMessagesPerSecond;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Two_hundred_back_to_back_orders_at_the_defaults_never_trip_the_exchanges_rate_limit(TransportKind kind)
    {
        using var cts = Wait.Budget(120);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct, configure: o => o with { MaxMessagesPerSecond = DefaultLimit });
        var aliceId = await h.CreateUserAsync("alice", usd: 100_000 * Coin, cancellationToken: ct);
        // The client's defaults, apart from the harness's transport: pacing and request timeout as shipped.
        var alice = h.Client("alice", configure: o =>
        {
            o.Pacing = new PacingOptions();
            o.RequestTimeout = new BlinkTradeClientOptions().RequestTimeout;
        });
        var states = new Recorder<ConnectionStateChange>();
        var errors = new Recorder<BlinkTradeClientError>();
        var delays = new Recorder<PacingDelay>();
        using var s1 = alice.ConnectionStates.Subscribe(states);
        using var s2 = alice.Errors.Subscribe(errors);
        using var s3 = alice.PacingDelays.Subscribe(delays);
        await alice.ConnectAsync(ct);

        for (var i = 0; i < 200; i++)
        {
            var report = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.01m), Price.FromDecimal(100m + i)), ct);
            Assert.Equal(OrdStatus.New, report.OrdStatus);
        }

        Assert.Equal(200, (await h.Exchange.GetOpenOrdersAsync(aliceId, ct)).Count);
        Assert.DoesNotContain(errors.Items, e => e.Kind is ClientErrorKind.ServerError or ClientErrorKind.ConnectionLost);
        Assert.DoesNotContain(states.Items, x => x.State == ConnectionState.Reconnecting);
        Assert.Equal(ConnectionState.LoggedIn, alice.State);
        Assert.Contains(delays.Items, d => d.MsgType == MessageTypes.NewOrderSingle); // the pacing did hold orders back
    }
}
