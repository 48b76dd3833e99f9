using System.Buffers;
using System.Runtime.CompilerServices;
using System.Net.WebSockets;

namespace BlinkTrade.Client.Transport;

/// <summary>
/// An <see cref="IBlinkTradeConnection"/> over any <see cref="WebSocket"/>: the client's
/// <see cref="ClientWebSocket"/> or a server-side socket accepted by Kestrel. Frames are text messages; a message
/// split over several WebSocket fragments is reassembled into the caller's buffer.
/// </summary>
internal sealed class WebSocketConnection : IBlinkTradeConnection
{
    /// <summary>The default maximum frame size: 10 MiB, as the BlinkTrade gateway (PROTOCOL.md §1.1).</summary>
    public const int DefaultMaxFrameBytes = 10 * 1024 * 1024;

    private const int ReceiveChunkBytes = 8 * 1024;
    /// <summary>How long a server-side connection that failed itself waits for the peer to read its close frame.</summary>
    /// <remarks>
    /// Real time on purpose, not the exchange's <see cref="TimeProvider"/>: that may be a test's manual clock, and a
    /// socket's linger must end whether or not anyone advances it.
    /// </remarks>
    public static readonly TimeSpan FaultCloseLinger = TimeSpan.FromSeconds(1);
    private readonly WebSocket _socket;
    private readonly int _maxFrameBytes;
    private readonly Func<CancellationToken, Task>? _drainUntilPeerCloses;
    private readonly ReadAheadStream? _readAhead;
    private volatile bool _receiveBroken;

    /// <summary>Wraps an open WebSocket.</summary>
    /// <param name="socket">The socket; this connection owns and disposes it.</param>
    /// <param name="remoteDescription">The peer, for logs.</param>
    /// <param name="maxFrameBytes">The largest frame accepted.</param>
    /// <param name="drainUntilPeerCloses">
    /// Server side: reads the raw connection until the peer ends it or the token fires. When given, a connection the
    /// socket failed itself lingers (at most <see cref="FaultCloseLinger"/>) so the peer can read the close frame that
    /// says why.
    /// </param>
    /// <param name="readAhead">
    /// Client side: the read-ahead stream under <paramref name="socket"/>. While it holds unread bytes the next frame
    /// has (at least partly) arrived, so a receive skips its zero-byte wait for it.
    /// </param>
    public WebSocketConnection(WebSocket socket, string remoteDescription, int maxFrameBytes = DefaultMaxFrameBytes,
        Func<CancellationToken, Task>? drainUntilPeerCloses = null, ReadAheadStream? readAhead = null)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, 1);
        _socket = socket;
        RemoteDescription = remoteDescription ?? "websocket";
        _maxFrameBytes = maxFrameBytes;
        _drainUntilPeerCloses = drainUntilPeerCloses;
        _readAhead = readAhead;
    }

    /// <inheritdoc />
    public string RemoteDescription { get; }

    /// <inheritdoc />
    public bool IsOpen => _socket.State == WebSocketState.Open;

    /// <inheritdoc />
    public async ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        // A token cancelled before the send writes nothing and leaves the connection open.
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, WebSocketMessageFlags.EndOfMessage, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The WebSocket aborts itself when the token fires during a send, but not always: its write's own cancellation
            // can end the send first and unregister that abort before it runs (seen once under load). A frame cut midway
            // must never be followed by another one on the stream, so the connection is aborted here either way.
            _socket.Abort();
            throw;
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException or IOException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ConnectionClosedException("Sending on the WebSocket failed: " + e.Message, e);
        }
    }

    /// <inheritdoc />
    // Pooled: a receive loop calls this once per frame and it usually suspends (waiting for the peer), so the
    // default builder would allocate a state-machine box per frame.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_receiveBroken)
        {
            throw new ConnectionClosedException("The connection cannot receive after an oversized frame.");
        }
        var total = 0;
        try
        {
            // Wait for the frame without a buffer (a zero-byte read returns once its header has arrived), so an idle
            // connection asks the destination for memory only when there is something to put in it. Bytes already
            // read ahead mean the frame is here: then the wait would only cost a second pass through the WebSocket.
            if (_readAhead is not { BufferedCount: > 0 })
            {
                var header = await _socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
                if (header.MessageType == WebSocketMessageType.Close)
                {
                    await CompleteCloseAsync().ConfigureAwait(false);
                    return false;
                }
                if (header.EndOfMessage)
                {
                    return true; // an empty message
                }
            }
            while (true)
            {
                var memory = destination.GetMemory(ReceiveChunkBytes);
                var result = await _socket.ReceiveAsync(memory, cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await CompleteCloseAsync().ConfigureAwait(false);
                    return false;
                }
                total += result.Count;
                if (total > _maxFrameBytes)
                {
                    // The rest of this message is still on the wire, so nothing more can be received; sending still
                    // works, which lets the owner say why before it closes (or aborts) the connection.
                    _receiveBroken = true;
                    throw new FrameTooLargeException(_maxFrameBytes);
                }
                destination.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    return true;
                }
            }
        }
        // A server-side (Kestrel) socket whose connection was aborted throws ConnectionAbortedException, an
        // OperationCanceledException that is not ours (and IOException on a reset): both mean the connection is gone.
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException or IOException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            if (e is WebSocketException { WebSocketErrorCode: WebSocketError.Faulted } && _drainUntilPeerCloses is not null)
            {
                await LingerAsync().ConfigureAwait(false);
            }
            throw new ConnectionClosedException("Receiving on the WebSocket failed: " + e.Message, e);
        }
    }

    // The socket failed the connection itself (RFC 6455 §7.1.7: close code 1007 for a text message that is not UTF-8,
    // 1002 for a protocol error): it has queued its close frame and marked itself aborted. Ending the connection now
    // loses that frame and the peer sees it drop without a reason: wait until the peer has gone, briefly.
    private async Task LingerAsync()
    {
        using var timeout = new CancellationTokenSource(FaultCloseLinger);
        await _drainUntilPeerCloses!(timeout.Token).ConfigureAwait(false);
    }

    // Completes the close handshake the peer started; the peer is gone either way.
    private async ValueTask CompleteCloseAsync()
    {
        if (_socket.State == WebSocketState.CloseReceived)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask CloseAsync(string? reason, CancellationToken cancellationToken)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        try
        {
            // Close the output and don't wait for the peer's echo: a reader loop may still be draining.
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, Truncate(reason), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            _socket.Abort();
        }
    }

    /// <inheritdoc />
    public void Abort() => _socket.Abort();

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    // RFC 6455 limits a close reason to 123 bytes of UTF-8.
    private static string? Truncate(string? reason)
    {
        if (reason is null || System.Text.Encoding.UTF8.GetByteCount(reason) <= 123)
        {
            return reason;
        }
        var chars = reason.AsSpan(0, Math.Min(reason.Length, 120));
        while (System.Text.Encoding.UTF8.GetByteCount(chars) > 123)
        {
            chars = chars[..^1];
        }
        return chars.ToString();
    }
}
