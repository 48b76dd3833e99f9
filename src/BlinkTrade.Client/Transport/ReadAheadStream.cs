using System.Buffers;
using System.Runtime.CompilerServices;

namespace BlinkTrade.Client.Transport;

/// <summary>
/// The stream under the client's <see cref="System.Net.WebSockets.WebSocket"/>: reads what the connection has (up to
/// <see cref="ChunkBytes"/>, often several frames) in one read of the inner stream and serves the WebSocket's small
/// header reads and its body reads from that, so a frame costs one socket receive or less instead of three (a
/// zero-byte wait, the header into the WebSocket's 125-byte buffer, the body into the caller's).
/// </summary>
/// <remarks>
/// An idle connection holds no buffer: the chunk is rented from <see cref="ArrayPool{T}.Shared"/> only after a
/// zero-byte read of the inner stream has said data is there, and goes back as soon as its last byte is read.
/// A read at least a chunk long (the body of a large frame) goes straight to the inner stream into the caller's memory.
/// Writes pass through. One reader and one writer may use the stream at once, as a WebSocket does.
/// </remarks>
internal sealed class ReadAheadStream : Stream
{
    /// <summary>The default chunk: a loopback burst of book updates fits, a 10 MiB frame goes past in large reads.</summary>
    public const int DefaultChunkBytes = 16 * 1024;

    private readonly Stream _inner;
    private byte[]? _chunk;
    private int _offset;
    private int _count;
    // A zero-byte read of the inner stream completed and nothing was read since: the next read finds data (or EOF)
    // without waiting, so it needs no second zero-byte read first.
    private bool _dataReady;

    /// <summary>Wraps <paramref name="inner"/>, which this stream owns and disposes.</summary>
    /// <param name="inner">The connection's stream (a socket's <see cref="System.Net.Sockets.NetworkStream"/> or its TLS stream).</param>
    /// <param name="chunkBytes">The most read ahead at once.</param>
    public ReadAheadStream(Stream inner, int chunkBytes = DefaultChunkBytes)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 1);
        _inner = inner;
        ChunkBytes = chunkBytes;
    }

    /// <summary>The most bytes read ahead of the reader.</summary>
    public int ChunkBytes { get; }

    /// <summary>Bytes read from the inner stream that the reader has not taken yet.</summary>
    public int BufferedCount => _count;

    /// <summary>Whether a pooled chunk is held (only while <see cref="BufferedCount"/> is above zero).</summary>
    internal bool HoldsBuffer => _chunk is not null;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Buffered bytes are served at once; a zero-byte read then says "data is here" without taking any.
        return _count > 0 ? ValueTask.FromResult(Take(buffer.Span)) : ReadInnerAsync(buffer, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Pooled: a WebSocket reads through here once or twice per frame whenever the chunk has drained, and the read
    // usually suspends (waiting for the peer), so the default builder would allocate a state-machine box each time.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReadInnerAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            await _inner.ReadAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
            _dataReady = true;
            return 0;
        }
        if (buffer.Length >= ChunkBytes)
        {
            // A large read (the rest of a large frame's body) fills the caller's memory directly: no copy, no chunk.
            _dataReady = false;
            return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        if (!_dataReady)
        {
            // Wait without a buffer; when data is already there this completes at once.
            await _inner.ReadAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        }
        _dataReady = false;
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        int read;
        try
        {
            read = await _inner.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The read has ended (failed or cancelled), so the inner stream no longer writes into the chunk.
            ArrayPool<byte>.Shared.Return(chunk);
            throw;
        }
        if (read == 0)
        {
            ArrayPool<byte>.Shared.Return(chunk);
            return 0;
        }
        _chunk = chunk;
        _offset = 0;
        _count = read;
        return Take(buffer.Span);
    }

    // Copies buffered bytes out; the chunk goes back to the pool with its last byte.
    private int Take(Span<byte> destination)
    {
        var taken = Math.Min(destination.Length, _count);
        _chunk.AsSpan(_offset, taken).CopyTo(destination);
        _offset += taken;
        _count -= taken;
        if (_count == 0 && _chunk is { } drained)
        {
            _chunk = null;
            ArrayPool<byte>.Shared.Return(drained);
        }
        return taken;
    }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => _count > 0 || buffer.IsEmpty ? Take(buffer) : _inner.Read(buffer);

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _inner.WriteAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _inner.WriteAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer) => _inner.Write(buffer);

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public override void Flush() => _inner.Flush();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    // Disposing ends any pending read with an error. A chunk still holding unread bytes is left to the collector rather
    // than returned to the pool: an abort may dispose the stream from another thread while the reader copies from it.
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
