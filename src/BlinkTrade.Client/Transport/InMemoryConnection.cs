using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace BlinkTrade.Client.Transport;

/// <summary>
/// One end of an in-memory duplex connection (no sockets): what one end sends, the other receives, frame by frame.
/// Create both ends with <see cref="CreatePair"/>. Used by the reference exchange's in-memory transport so tests run
/// the real client and the real exchange sessions without a network.
/// </summary>
/// <remarks>Each frame is copied on send, so a caller may reuse its buffer as soon as the send returns. The copy is a
/// pooled buffer the receiving end returns once it has copied the frame out: a served order crosses about a dozen frames,
/// and an exact-size array each was a large share of the in-memory exchange's allocations (docs/performance.md, "Gateway
/// throughput", task 18q). A frame still queued when a connection is torn down is left to the collector.</remarks>
internal sealed class InMemoryConnection : IBlinkTradeConnection
{
    private readonly Channel<PooledFrame> _inbound;
    private readonly Channel<PooledFrame> _outbound;
    private readonly int _maxFrameBytes;
    private volatile bool _closed;

    private InMemoryConnection(Channel<PooledFrame> inbound, Channel<PooledFrame> outbound, string remoteDescription, int maxFrameBytes)
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
        var firstToSecond = Channel.CreateUnbounded<PooledFrame>(options);
        var secondToFirst = Channel.CreateUnbounded<PooledFrame>(options);
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
        if (_closed)
        {
            throw new ConnectionClosedException("The in-memory connection is closed.");
        }
        var buffer = ArrayPool<byte>.Shared.Rent(frame.Length);
        frame.Span.CopyTo(buffer);
        if (!_outbound.Writer.TryWrite(new PooledFrame(buffer, frame.Length)))
        {
            ArrayPool<byte>.Shared.Return(buffer);
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
                try
                {
                    if (frame.Length > _maxFrameBytes)
                    {
                        // Like the WebSocket: the frame is refused and the owner decides (say why, then close or abort).
                        throw new FrameTooLargeException(_maxFrameBytes);
                    }
                    destination.Write(frame.Buffer.AsSpan(0, frame.Length));
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(frame.Buffer);
                }
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

    // One frame in flight: a buffer rented from the shared pool and the frame's length in it.
    private readonly record struct PooledFrame(byte[] Buffer, int Length);
}
