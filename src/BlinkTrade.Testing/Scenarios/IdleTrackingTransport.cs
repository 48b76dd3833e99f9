using System.Collections.Concurrent;
using BlinkTrade.Client.Transport;
using BlinkTrade.Testing.Gateway;

namespace BlinkTrade.Testing.Scenarios;

/// <summary>
/// The exchange's in-memory transport with both ends of every connection tracked, so a scenario can tell when no
/// frame is in flight in either direction (<see cref="IsIdle"/>).
/// </summary>
internal sealed class IdleTrackingTransport(ExchangeRuntime runtime, string clientIp = "127.0.0.1") : IBlinkTradeTransport
{
    private readonly ConcurrentDictionary<ConnectionActivity, byte> _links = new();
    private int _count;

    /// <summary>No open connection has a frame sent and not yet handled.</summary>
    public bool IsIdle
    {
        get
        {
            foreach (var link in _links.Keys)
            {
                if (link.IsClosed)
                {
                    _links.TryRemove(link, out _);
                }
                else if (!link.IsIdle)
                {
                    return false;
                }
            }
            return true;
        }
    }

    public ValueTask<IBlinkTradeConnection> ConnectAsync(Uri? endpoint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (runtime.ShutdownToken.IsCancellationRequested)
        {
            throw new ConnectionClosedException("The reference exchange has stopped.");
        }
        var number = Interlocked.Increment(ref _count);
        var (client, server) = InMemoryConnection.CreatePair(
            firstName: $"in-memory client {number} ({clientIp})",
            secondName: "in-memory reference exchange",
            maxFrameBytes: runtime.Options.MaxFrameBytes);
        var activity = new ConnectionActivity();
        _links[activity] = 0;
        runtime.StartSession(new TrackedConnection(server, activity), clientIp);
        return ValueTask.FromResult<IBlinkTradeConnection>(new TrackedConnection(client, activity));
    }
}
