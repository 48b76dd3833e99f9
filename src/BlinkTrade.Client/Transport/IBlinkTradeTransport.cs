namespace BlinkTrade.Client.Transport;

/// <summary>Opens connections to a BlinkTrade endpoint. Swap it to run the client over a real socket or in memory.</summary>
public interface IBlinkTradeTransport
{
    /// <summary>Opens a new connection.</summary>
    /// <param name="endpoint">The WebSocket endpoint, e.g. <c>wss://api.example.com/trade/</c>; <see langword="null"/>
    /// when <see cref="BlinkTradeClientOptions.Endpoint"/> was left out (a transport that needs no address).</param>
    /// <param name="cancellationToken">Cancels the connection attempt.</param>
    /// <returns>The open connection.</returns>
    /// <exception cref="ConnectionClosedException">The endpoint could not be reached.</exception>
    ValueTask<IBlinkTradeConnection> ConnectAsync(Uri? endpoint, CancellationToken cancellationToken);
}
