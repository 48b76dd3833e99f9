using System.Net.WebSockets;

namespace BlinkTrade.Benchmarks.Client;

/// <summary>
/// A WebSocket connection of <see cref="SocketFloorCommand"/>: the framework's <see cref="WebSocket"/> (made by
/// <see cref="WebSocket.CreateFromStream(Stream, WebSocketCreationOptions)"/> over a <c>NetworkStream</c>, or Kestrel's)
/// frames each message as one text frame; a receive goes into one 1 KiB buffer per connection.
/// </summary>
internal sealed class SocketFloorWebSocketPeer(WebSocket webSocket, IDisposable? transport) : SocketFloorPeer
{
    private const int BufferBytes = 1024;

    public override byte[] Frame(byte[] message) => message;

    public override ValueTask SendAsync(ReadOnlyMemory<byte> wire, CancellationToken cancellationToken)
        => webSocket.SendAsync(wire, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public override async Task ReceiveAsync(Action<Memory<byte>> onMessage, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferBytes];
        try
        {
            var filled = 0;
            while (true)
            {
                var result = await webSocket.ReceiveAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                filled += result.Count;
                if (result.EndOfMessage)
                {
                    onMessage(buffer.AsMemory(0, filled));
                    filled = 0;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection ended.
        }
    }

    public override void Dispose()
    {
        webSocket.Abort();
        webSocket.Dispose();
        transport?.Dispose();
    }
}
