using System.Threading.Channels;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Client.Tests.Support;

/// <summary>An <see cref="IBlinkTradeTransport"/> whose every connection ends at a new <see cref="ScriptedPeer"/>.</summary>
internal sealed class ScriptedTransport : IBlinkTradeTransport, IAsyncDisposable
{
    private readonly Action<ScriptedPeer>? _configure;
    private readonly Channel<ScriptedPeer> _peers = Channel.CreateUnbounded<ScriptedPeer>();
    private readonly List<ScriptedPeer> _all = [];
    private int _attempts;

    public ScriptedTransport(Action<ScriptedPeer>? configure = null) => _configure = configure;

    /// <summary>Connection attempts so far.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>When it returns true for an attempt number (1-based), that attempt fails.</summary>
    public Func<int, bool>? FailAttempt { get; set; }

    public ValueTask<IBlinkTradeConnection> ConnectAsync(Uri? endpoint, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (FailAttempt?.Invoke(attempt) == true)
        {
            throw new ConnectionClosedException($"Scripted connect failure (attempt {attempt}).");
        }
        var (client, server) = InMemoryConnection.CreatePair();
        var peer = new ScriptedPeer(server, _configure);
        lock (_all)
        {
            _all.Add(peer);
        }
        _peers.Writer.TryWrite(peer);
        return ValueTask.FromResult<IBlinkTradeConnection>(client);
    }

    /// <summary>The next connection's peer, in connection order.</summary>
    public async Task<ScriptedPeer> NextPeerAsync(TimeSpan? timeout = null)
        => await _peers.Reader.ReadAsync().AsTask().WaitAsync(timeout ?? TestDefaults.Timeout).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        ScriptedPeer[] peers;
        lock (_all)
        {
            peers = [.. _all];
        }
        foreach (var peer in peers)
        {
            await peer.DisposeAsync().ConfigureAwait(false);
        }
    }
}
