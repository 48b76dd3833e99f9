namespace BlinkTrade.Benchmarks.Client;

/// <summary>
/// One end of a <see cref="SocketFloorCommand"/> connection, on either side: a raw TCP socket
/// (<see cref="SocketFloorTcpPeer"/>) or a WebSocket (<see cref="SocketFloorWebSocketPeer"/>). A message is its wire bytes
/// as the peer's framing needs them (<see cref="Frame"/>), built once and sent as they are, so a send allocates nothing.
/// </summary>
internal abstract class SocketFloorPeer : IDisposable
{
    /// <summary>The wire bytes of <paramref name="message"/> for this kind of peer.</summary>
    public abstract byte[] Frame(byte[] message);

    /// <summary>Sends one message's wire bytes (from <see cref="Frame"/>).</summary>
    public abstract ValueTask SendAsync(ReadOnlyMemory<byte> wire, CancellationToken cancellationToken);

    /// <summary>
    /// Receives until the connection ends (or fails), handing each complete message to <paramref name="onMessage"/>
    /// (its wire bytes, valid during the call) on the thread that completed the receive.
    /// </summary>
    public abstract Task ReceiveAsync(Action<Memory<byte>> onMessage, CancellationToken cancellationToken);

    /// <summary>Closes the connection at once (no closing handshake).</summary>
    public abstract void Dispose();

    /// <summary>
    /// Sends without waiting: a send the transport takes at once (every send of these small frames on loopback) costs no
    /// task; one that does not is awaited in the background, its failure ignored (the benchmark counts arrivals).
    /// </summary>
    public void Post(ReadOnlyMemory<byte> wire, CancellationToken cancellationToken)
    {
        var send = SendAsync(wire, cancellationToken);
        if (!send.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(send);
        }
    }

    private static async Task ObserveAsync(ValueTask send)
    {
        try
        {
            await send.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or System.Net.WebSockets.WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The peer went away: its arrival is simply missing.
        }
    }
}
