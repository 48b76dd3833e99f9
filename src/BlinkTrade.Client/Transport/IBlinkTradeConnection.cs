using System.Buffers;

namespace BlinkTrade.Client.Transport;

/// <summary>
/// One open, message-oriented connection that carries BlinkTrade frames (one JSON object per text frame).
/// Implemented over any <see cref="System.Net.WebSockets.WebSocket"/> (client or server side) and in memory.
/// </summary>
/// <remarks>
/// Threading contract: at most one <see cref="ReceiveAsync"/> and at most one <see cref="SendAsync"/> may be in
/// flight at a time (one reader loop, one writer loop), as with <see cref="System.Net.WebSockets.WebSocket"/>.
/// </remarks>
public interface IBlinkTradeConnection : IAsyncDisposable
{
    /// <summary>A description of the peer for logs (address and port, or an in-memory name).</summary>
    string RemoteDescription { get; }

    /// <summary>Whether the connection can still send and receive.</summary>
    bool IsOpen { get; }

    /// <summary>Sends one complete frame.</summary>
    /// <param name="frame">UTF-8 JSON text.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>A task that completes when the frame was handed to the transport.</returns>
    /// <exception cref="ConnectionClosedException">The connection is closed.</exception>
    ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken);

    /// <summary>Receives one complete frame, appending its bytes to <paramref name="destination"/>.</summary>
    /// <param name="destination">A buffer the caller owns (typically pooled and reset per frame).</param>
    /// <param name="cancellationToken">Cancels the receive.</param>
    /// <returns><see langword="true"/> when a frame was received; <see langword="false"/> when the peer closed.</returns>
    /// <exception cref="FrameTooLargeException">The frame exceeds the connection's maximum frame size. The connection can
    /// still send (e.g. an error) but must not receive again: close or abort it.</exception>
    /// <exception cref="ConnectionClosedException">The connection failed.</exception>
    ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken);

    /// <summary>Closes the connection gracefully (best effort; never throws for an already-closed connection).</summary>
    /// <param name="reason">A short reason sent to the peer where the transport supports it.</param>
    /// <param name="cancellationToken">Cancels the close handshake.</param>
    /// <returns>A task that completes when the connection is closed.</returns>
    ValueTask CloseAsync(string? reason, CancellationToken cancellationToken);

    /// <summary>Drops the connection at once, without a close handshake (the peer sees an abrupt failure).</summary>
    void Abort();
}
