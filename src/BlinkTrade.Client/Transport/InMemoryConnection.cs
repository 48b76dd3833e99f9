using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace BlinkTrade.Client.Transport;

/// <summary>
/// One end of an in-memory duplex connection (no sockets): what one end sends, the other receives, frame by frame.
/// Create both ends with <see cref="CreatePair"/>. Used by the reference exchange's in-memory transport so tests run
/// the real client and the real exchange sessions without a network.
/// </summary>
/// <remarks>Each frame is copied on send, so a caller may reuse its buffer as soon as the send returns.</remarks>
internal sealed class InMemoryConnection : IBlinkTradeConnection
{
    private readonly Channel<byte[]> _inbound;
    private readonly Channel<byte[]> _outbound;
    private readonly int _maxFrameBytes;
    private volatile bool _closed;

    private InMemoryConnection(Channel<byte[]> inbound, Channel<byte[]> outbound, string remoteDescription, int maxFrameBytes)
    {
        _inbound = inbound;
        _outbound = outbound;
        RemoteDescription = remoteDescription;
        _maxFrameBytes = maxFrameBytes;
    }

    /// <summary>Creates two connected ends.</summary>
    /// <param name="firstName">How the second end describes the first (its remote).</param>
    /// <param name="secondName">How the first end describes the second.</param>
    /// <param name="maxFrameBytes">The largest frame either end accepts.</param>
    /// <returns>The two ends.</returns>
    public static (InMemoryConnection First, InMemoryConnection Second) CreatePair(string firstName = "in-memory client", string secondName = "in-memory server", int maxFrameBytes = WebSocketConnection.DefaultMaxFrameBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, 1);
        var options = new UnboundedChannelOptions { SingleReader = true, SingleWriter = true, AllowSynchronousContinuations = false };
        var firstToSecond = Channel.CreateUnbounded<byte[]>(options);
        var secondToFirst = Channel.CreateUnbounded<byte[]>(options);
        var first = new InMemoryConnection(secondToFirst, firstToSecond, secondName, maxFrameBytes);
        var second = new InMemoryConnection(firstToSecond, secondToFirst, firstName, maxFrameBytes);
        return (first, second);
    }

    /// <inheritdoc />
    public string RemoteDescription { get; }

    /// <inheritdoc />
    public bool IsOpen => !_closed && !_inbound.Reader.Completion.IsCompleted;

    /// <inheritdoc />
    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_closed || !_outbound.Writer.TryWrite(frame.ToArray()))
        {
            throw new ConnectionClosedException("The in-memory connection is closed.");
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    // Pooled: a receive loop calls this once per frame and it usually suspends, so the default builder would
    // allocate a state-machine box per frame.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> ReceiveAsync(IBufferWriter<byte> destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        try
        {
            while (await _inbound.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!_inbound.Reader.TryRead(out var frame))
                {
                    continue;
                }
                if (frame.Length > _maxFrameBytes)
                {
                    // Like the WebSocket: the frame is refused and the owner decides (say why, then close or abort).
                    throw new FrameTooLargeException(_maxFrameBytes);
                }
                destination.Write(frame);
                return true;
            }
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException and not ConnectionClosedException)
        {
            throw new ConnectionClosedException("The in-memory connection was aborted.", e);
        }
    }

    /// <inheritdoc />
    public ValueTask CloseAsync(string? reason, CancellationToken cancellationToken)
    {
        // Graceful: the peer drains what was sent, then sees the end of the stream.
        _closed = true;
        _outbound.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void Abort()
    {
        _closed = true;
        var aborted = new ConnectionClosedException("The in-memory connection was aborted.");
        _outbound.Writer.TryComplete(aborted);
        _inbound.Writer.TryComplete(aborted);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            _closed = true;
            _outbound.Writer.TryComplete();
        }
        return ValueTask.CompletedTask;
    }
}
