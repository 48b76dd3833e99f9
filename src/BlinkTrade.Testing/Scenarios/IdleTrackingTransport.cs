using System.Collections.Concurrent;
using BlinkTrade.Client.Transport;
using BlinkTrade.Testing.Gateway;
using BlinkTrade.Testing.Hosting;

namespace BlinkTrade.Testing.Scenarios;

/// <summary>
/// The exchange's in-memory transport with both ends of every connection tracked, so a scenario can tell when no
/// frame is in flight in either direction (<see cref="IsIdle"/>).
/// </summary>
internal sealed class IdleTrackingTransport : IBlinkTradeTransport
{
    private readonly ConcurrentDictionary<ConnectionActivity, byte> _links = new();
    private readonly InMemoryExchangeTransport _inner;

    public IdleTrackingTransport(ExchangeRuntime runtime, string clientIp = "127.0.0.1") =>
        _inner = new InMemoryExchangeTransport(runtime, clientIp, (client, server) =>
        {
            var activity = new ConnectionActivity();
            _links[activity] = 0;
            return (new TrackedConnection(client, activity), new TrackedConnection(server, activity));
        });

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

    public ValueTask<IBlinkTradeConnection> ConnectAsync(Uri? endpoint, CancellationToken cancellationToken) => _inner.ConnectAsync(endpoint, cancellationToken);
}
