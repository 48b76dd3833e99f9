using BlinkTrade.Client.Transport;
using BlinkTrade.Testing.Gateway;

namespace BlinkTrade.Testing.Hosting;

/// <summary>
/// Connects clients to the exchange without sockets: each ConnectAsync creates an <see cref="InMemoryConnection"/>
/// pair, hands the server end to a new session and returns the client end. The endpoint URI is ignored.
/// </summary>
internal sealed class InMemoryExchangeTransport : IBlinkTradeTransport
{
    private readonly ExchangeRuntime _runtime;
    private readonly string _clientIp;
    private int _count;

    public InMemoryExchangeTransport(ExchangeRuntime runtime, string clientIp)
    {
        _runtime = runtime;
        _clientIp = clientIp;
    }

    public ValueTask<IBlinkTradeConnection> ConnectAsync(Uri? endpoint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_runtime.ShutdownToken.IsCancellationRequested)
        {
            throw new ConnectionClosedException("The reference exchange has stopped.");
        }
        var number = Interlocked.Increment(ref _count);
        var (client, server) = InMemoryConnection.CreatePair(
            firstName: $"in-memory client {number} ({_clientIp})",
            secondName: "in-memory reference exchange",
            maxFrameBytes: _runtime.Options.MaxFrameBytes);
        _runtime.StartSession(server, _clientIp);
        return ValueTask.FromResult<IBlinkTradeConnection>(client);
    }
}
