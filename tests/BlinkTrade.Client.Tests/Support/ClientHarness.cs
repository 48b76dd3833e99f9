using BlinkTrade.Client.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace BlinkTrade.Client.Tests.Support;

/// <summary>A client wired to a <see cref="ScriptedTransport"/> and a <see cref="FakeTimeProvider"/>, with its streams recorded.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    private ClientHarness(BlinkTradeClient client, ScriptedTransport transport, FakeTimeProvider time)
    {
        Client = client;
        Transport = transport;
        Time = time;
        client.Errors.Subscribe(Errors);
        client.ConnectionStates.Subscribe(States);
    }

    public BlinkTradeClient Client { get; }

    public ScriptedTransport Transport { get; }

    public FakeTimeProvider Time { get; }

    public RecordingObserver<BlinkTradeClientError> Errors { get; } = new();

    public RecordingObserver<ConnectionStateChange> States { get; } = new();

    public static ClientHarness Create(Action<ScriptedPeer>? configurePeer = null, Action<BlinkTradeClientOptions>? configure = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var transport = new ScriptedTransport(configurePeer ?? (p => p.AnswerHeartbeats()));
        var options = new BlinkTradeClientOptions
        {
            Endpoint = TestDefaults.Endpoint,
            BrokerId = 5,
            TimeProvider = time,
            Transport = transport,
        };
        // Tests of the silence probe turn it on; elsewhere it would interleave probes with the scripted timeline.
        options.HeartbeatAfterSilence = Timeout.InfiniteTimeSpan;
        // A scripted peer answers only what its test scripts: the pre-trade checks would first ask it for the instrument
        // list. Their own tests turn them on (PreTradeCheckTests here, against the reference exchange in EndToEnd).
        options.PreTradeChecks.Enabled = false;
        options.Reconnect.InitialDelay = TimeSpan.FromSeconds(1);
        options.Reconnect.MaxDelay = TimeSpan.FromSeconds(4);
        configure?.Invoke(options);
        return new ClientHarness(new BlinkTradeClient(options), transport, time);
    }

    /// <summary>Connects and returns the server end.</summary>
    public async Task<ScriptedPeer> ConnectAsync()
    {
        var connecting = Client.ConnectAsync(CancellationToken.None);
        var peer = await Transport.NextPeerAsync();
        await connecting.WaitAsync(TestDefaults.Timeout);
        return peer;
    }

    /// <summary>Advances the manual clock in steps until <paramref name="condition"/> holds (for backoff delays whose
    /// timers are created on other threads at unpredictable instants).</summary>
    public async Task AdvanceUntilAsync(Func<bool> condition, TimeSpan step, int maxSteps = 200)
    {
        for (var i = 0; i < maxSteps && !condition(); i++)
        {
            Time.Advance(step);
            await Task.Delay(5);
        }
        Assert.True(condition(), "The condition did not hold after advancing the clock.");
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Transport.DisposeAsync();
    }
}
