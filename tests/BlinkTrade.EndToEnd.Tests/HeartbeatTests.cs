using BlinkTrade.Client;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Session;
using BlinkTrade.EndToEnd.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>Issue #5 (2): heartbeat latency against the real exchange; stale detection and reconnect on a manual clock.</summary>
public sealed class HeartbeatTests
{
    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Heartbeats_are_answered_by_the_exchange_and_latency_is_published(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", cancellationToken: ct);
        var latency = new Recorder<TimeSpan>();
        var errors = new Recorder<BlinkTradeClientError>();
        var alice = h.Client("alice", configure: o =>
        {
            o.HeartbeatInterval = TimeSpan.FromMilliseconds(50);
            o.HeartbeatTimeout = TimeSpan.FromSeconds(5);
        });
        using var l = alice.Latency.Subscribe(latency);
        using var e = alice.Errors.Subscribe(errors);
        await alice.ConnectAsync(ct);

        await Wait.Eventually(() => latency.Count >= 3, what: "three heartbeat round trips");
        Assert.All(latency.Items, x => Assert.InRange(x, TimeSpan.Zero, TimeSpan.FromSeconds(5)));
        var ping = await alice.PingAsync(ct);
        Assert.InRange(ping, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(errors.Items, x => x.Kind == ClientErrorKind.HeartbeatMissed);
        Assert.Equal(ConnectionState.LoggedIn, alice.State);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_stalled_exchange_is_declared_stale_on_the_clients_clock_and_the_client_reconnects(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", cancellationToken: ct);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 7, 0, 0, TimeSpan.Zero));
        var states = new Recorder<ConnectionStateChange>();
        var errors = new Recorder<BlinkTradeClientError>();
        var alice = h.Client("alice", configure: o =>
        {
            o.TimeProvider = clock;
            o.HeartbeatInterval = TimeSpan.FromSeconds(30);
            o.HeartbeatTimeout = TimeSpan.FromSeconds(15);
            o.MaxMissedHeartbeats = 2;
            o.HeartbeatAfterSilence = Timeout.InfiniteTimeSpan;
        }, clientIp: "10.0.4.1");
        using var s = alice.ConnectionStates.Subscribe(states);
        using var e = alice.Errors.Subscribe(errors);
        await alice.ConnectAsync(ct);
        Assert.Equal(1, h.Exchange.ConnectionCount);

        // Nothing comes back from the exchange any more; the client's clock runs through two missed beats.
        h.Exchange.Faults.StallOutbound(kind == TransportKind.WebSocket ? null : "10.0.4.1");
        await AdvanceUntil(clock, TimeSpan.FromSeconds(1), () => states.Any(x => x.State == ConnectionState.Reconnecting), "the connection declared stale");

        var lost = states.Items.First(x => x.State == ConnectionState.Reconnecting);
        Assert.IsType<StaleConnectionException>(lost.Exception);
        Assert.Equal(2, errors.Items.Count(x => x.Kind == ClientErrorKind.HeartbeatMissed));
        Assert.InRange(clock.GetUtcNow() - new DateTimeOffset(2026, 11, 21, 7, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(75), TimeSpan.FromSeconds(95));

        // The exchange answers again: the backoff (on the client's clock) elapses and the client logs in again.
        h.Exchange.Faults.ResumeOutbound();
        await AdvanceUntil(clock, TimeSpan.FromMilliseconds(5), () => states.Any(x => x.State == ConnectionState.LoggedIn && x.Reason.StartsWith("Reconnected", StringComparison.Ordinal)), "reconnected");
        await Wait.Eventually(() => h.Exchange.ConnectionCount == 1, what: "the stale session closed at the exchange");
        Assert.Equal(ConnectionState.LoggedIn, alice.State);
        Assert.NotNull(await alice.GetBalancesAsync(ct));
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Default_heartbeats_keep_a_quiet_session_within_the_exchanges_idle_timeout_and_without_them_it_is_closed(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        var start = new DateTimeOffset(2026, 11, 21, 7, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        await using var h = await E2EHarness.StartAsync(kind, ct, configure: o => o with { TimeProvider = clock, IdleTimeout = TimeSpan.FromSeconds(90) });
        await h.CreateUserAsync("alice", cancellationToken: ct);
        await h.CreateUserAsync("bob", cancellationToken: ct);
        var aliceStates = new Recorder<ConnectionStateChange>();
        var bobStates = new Recorder<ConnectionStateChange>();
        var bobErrors = new Recorder<BlinkTradeClientError>();
        // Alice: default heartbeat settings. Bob: no heartbeats at all.
        var alice = h.Client("alice", configure: o => o.TimeProvider = clock);
        var bob = h.Client("bob", configure: o =>
        {
            o.TimeProvider = clock;
            o.HeartbeatInterval = TimeSpan.FromHours(1);
            o.HeartbeatAfterSilence = Timeout.InfiniteTimeSpan;
        });
        using var a = alice.ConnectionStates.Subscribe(aliceStates);
        using var b = bob.ConnectionStates.Subscribe(bobStates);
        using var e = bob.Errors.Subscribe(bobErrors);
        await alice.ConnectAsync(ct);
        await bob.ConnectAsync(ct);

        // Up to 89 s the exchange must not close bob; then the clock moves to 100 s and stops, and the test waits (on the
        // event, not on a moving clock) for the close: so it happened in [90 s, 100 s] however slow the machine is.
        while (clock.GetUtcNow() - start < TimeSpan.FromSeconds(89))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2, ct);
        }
        Assert.DoesNotContain(bobStates.Items, x => x.State == ConnectionState.Reconnecting);
        while (clock.GetUtcNow() - start < TimeSpan.FromSeconds(100))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2, ct);
        }
        await Wait.Eventually(() => bobStates.Any(x => x.State == ConnectionState.Reconnecting), TimeSpan.FromSeconds(30), "bob's quiet session closed by the exchange");
        Assert.Contains(bobErrors.Items, x => x.Kind == ClientErrorKind.ServerError && x.Message.Contains("Session timeout", StringComparison.Ordinal));

        // Five idle timeouts' worth of silence: alice's heartbeats keep her session.
        for (var i = 0; i < 450; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1, ct);
        }
        Assert.DoesNotContain(aliceStates.Items, x => x.State == ConnectionState.Reconnecting);
        Assert.Equal(ConnectionState.LoggedIn, alice.State);
    }

    private static async Task AdvanceUntil(FakeTimeProvider clock, TimeSpan step, Func<bool> condition, string what)
    {
        for (var i = 0; i < 2_000 && !condition(); i++)
        {
            clock.Advance(step);
            await Task.Delay(2);
        }
        await Wait.Eventually(condition, TimeSpan.FromSeconds(5), what);
    }
}
