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
    private readonly Func<InMemoryConnection, InMemoryConnection, (IBlinkTradeConnection Client, IBlinkTradeConnection Server)>? _wrap;
    private int _count;

    /// <param name="runtime">The exchange.</param>
    /// <param name="clientIp">The address the sessions report for the client.</param>
    /// <param name="wrap">Wraps both ends of each new pair before use (the test kit's idle tracking); null keeps them.</param>
    public InMemoryExchangeTransport(ExchangeRuntime runtime, string clientIp,
        Func<InMemoryConnection, InMemoryConnection, (IBlinkTradeConnection Client, IBlinkTradeConnection Server)>? wrap = null)
    {
        _runtime = runtime;
        _clientIp = clientIp;
        _wrap = wrap;
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
        var (clientEnd, serverEnd) = _wrap?.Invoke(client, server) ?? (client, server);
        _runtime.StartSession(serverEnd, _clientIp);
        return ValueTask.FromResult(clientEnd);
    }
}
