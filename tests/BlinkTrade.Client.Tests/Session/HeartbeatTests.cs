using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Session;
using BlinkTrade.Client.Tests.Support;

namespace BlinkTrade.Client.Tests.Session;

public sealed class HeartbeatTests
{
    [Fact]
    public async Task A_test_request_is_sent_every_interval_and_the_echo_gives_the_latency()
    {
        await using var harness = ClientHarness.Create(p => { });
        var latency = new RecordingObserver<TimeSpan>();
        harness.Client.Latency.Subscribe(latency);
        var peer = await harness.ConnectAsync();

        harness.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(peer.Received);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var probe = await peer.ExpectAsync<TestRequest>();
        Assert.Equal(harness.Time.GetUtcNow().ToUnixTimeMilliseconds(), probe.SendTime);

        harness.Time.Advance(TimeSpan.FromMilliseconds(120));
        peer.Send(new Heartbeat { TestReqID = probe.TestReqID, SendTime = probe.SendTime });

        Assert.Equal(TimeSpan.FromMilliseconds(120), await latency.WaitForAsync(_ => true));
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        await peer.ExpectAsync<TestRequest>(t => t.TestReqID != probe.TestReqID);
    }

    [Fact]
    public async Task After_the_configured_missed_beats_the_stale_connection_is_replaced()
    {
        var answer = false;
        await using var harness = ClientHarness.Create(p => p.Respond<TestRequest>(t => answer ? new Heartbeat { TestReqID = t.TestReqID } : null));
        var first = await harness.ConnectAsync();

        harness.Time.Advance(TimeSpan.FromSeconds(30));
        await first.ExpectAsync<TestRequest>();
        harness.Time.Advance(TimeSpan.FromSeconds(15));
        await harness.Errors.WaitForAsync(e => e.Kind == ClientErrorKind.HeartbeatMissed);
        Assert.Equal(ConnectionState.Connected, harness.Client.State);

        answer = true; // the next connection will be healthy
        harness.Time.Advance(TimeSpan.FromSeconds(15));
        await first.ExpectAsync<TestRequest>();
        harness.Time.Advance(TimeSpan.FromSeconds(15));

        var lost = await harness.States.WaitForAsync(s => s.State == ConnectionState.Reconnecting);
        Assert.IsType<StaleConnectionException>(lost.Exception);
        var second = await harness.Transport.NextPeerAsync();
        await harness.States.WaitForAsync(s => s.State == ConnectionState.Connected && s.Timestamp > lost.Timestamp || s.State == ConnectionState.Connected && s.Reason.StartsWith("Reconnected", StringComparison.Ordinal));
        Assert.True(first.Closed || !first.Connection.IsOpen);
        await harness.Client.PingAsync().WaitAsync(TestDefaults.Timeout);
        Assert.NotSame(first, second);
    }

    [Fact]
    public async Task Reconnect_backs_off_on_failed_attempts_and_eventually_connects()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();
        harness.Transport.FailAttempt = attempt => attempt is 2 or 3;

        peer.Abort();

        await harness.States.WaitForAsync(s => s.State == ConnectionState.Reconnecting);
        await harness.AdvanceUntilAsync(() => harness.Transport.Attempts >= 4 && harness.Client.State == ConnectionState.Connected, TimeSpan.FromMilliseconds(500));
        Assert.Equal(4, harness.Transport.Attempts);
        await harness.Errors.WaitUntilAsync(e => e.Count(x => x.Kind == ClientErrorKind.ReconnectFailed) == 2);
        await harness.Client.PingAsync().WaitAsync(TestDefaults.Timeout);
    }

    [Fact]
    public async Task Reconnect_gives_up_after_max_attempts_and_reports_disconnected()
    {
        await using var harness = ClientHarness.Create(configure: o => o.Reconnect.MaxAttempts = 3);
        var peer = await harness.ConnectAsync();
        harness.Transport.FailAttempt = attempt => attempt > 1;

        peer.Abort();

        await harness.AdvanceUntilAsync(() => harness.Client.State == ConnectionState.Disconnected, TimeSpan.FromMilliseconds(500));
        Assert.Equal(4, harness.Transport.Attempts);
    }

    [Fact]
    public async Task Silence_triggers_a_probe_before_the_next_interval_and_traffic_postpones_it()
    {
        await using var harness = ClientHarness.Create(p => { }, o => o.HeartbeatAfterSilence = TimeSpan.FromSeconds(20));
        var messages = new RecordingObserver<BlinkTradeMessage>();
        harness.Client.Messages.Subscribe(messages);
        var latency = new RecordingObserver<TimeSpan>();
        harness.Client.Latency.Subscribe(latency);
        var peer = await harness.ConnectAsync();

        // Traffic at t=15 keeps the link "heard from" until t=35.
        harness.Time.Advance(TimeSpan.FromSeconds(15));
        peer.Send(new Heartbeat { TestReqID = "unsolicited" });
        await messages.WaitForAsync(m => m is Heartbeat { TestReqID: "unsolicited" });
        harness.Time.Advance(TimeSpan.FromSeconds(14)); // t=29: checks at 20 saw 5 s of silence
        Assert.DoesNotContain(peer.Received, m => m is TestRequest);

        harness.Time.Advance(TimeSpan.FromSeconds(1)); // t=30: the interval tick
        var scheduled = await peer.ExpectAsync<TestRequest>();
        peer.Send(new Heartbeat { TestReqID = scheduled.TestReqID, SendTime = scheduled.SendTime });
        // The latency is published once the probe is complete, so the next probe is free to go.
        await latency.WaitUntilAsync(items => items.Count == 1);

        // Silence from t=30: the check at t=50 probes, ahead of the interval tick at t=60.
        harness.Time.Advance(TimeSpan.FromSeconds(20));
        var probe = await peer.ExpectAsync<TestRequest>();
        Assert.NotEqual(scheduled.TestReqID, probe.TestReqID);
        Assert.Equal(harness.Time.GetUtcNow().ToUnixTimeMilliseconds(), probe.SendTime);
    }

    [Fact]
    public async Task A_single_reconnect_attempt_is_honoured()
    {
        await using var harness = ClientHarness.Create(configure: o => o.Reconnect.MaxAttempts = 1);
        var peer = await harness.ConnectAsync();
        harness.Transport.FailAttempt = attempt => attempt > 1;

        peer.Abort();

        await harness.States.WaitForAsync(s => s.State == ConnectionState.Disconnected && s.Reason.StartsWith("Reconnecting gave up", StringComparison.Ordinal));
        Assert.Equal(2, harness.Transport.Attempts);
    }
}
