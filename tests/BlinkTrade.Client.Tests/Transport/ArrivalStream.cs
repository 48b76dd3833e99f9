using System.Threading.Channels;

namespace BlinkTrade.Client.Tests.Transport;

/// <summary>
/// A stand-in for a socket's stream: bytes arrive when the test says, in the pieces it chooses, and a read gets at most
/// what has arrived (as a socket's receive does). Counts the reads made of it and records whether any read that asked
/// for bytes had to wait for them (a buffer held while the connection was idle).
/// </summary>
internal sealed class ArrivalStream : Stream
{
    private readonly Channel<byte[]> _arrivals = Channel.CreateUnbounded<byte[]>();
    private byte[] _current = [];
    private int _position;

    /// <summary>Reads that asked for bytes.</summary>
    public int DataReads { get; private set; }

    /// <summary>Zero-byte reads (waits for data).</summary>
    public int ZeroByteReads { get; private set; }

    /// <summary>Reads that asked for bytes and had to wait because none had arrived.</summary>
    public int DataReadsThatWaited { get; private set; }

    /// <summary>What the reader side wrote (the client's frames).</summary>
    public MemoryStream Written { get; } = new();

    /// <summary>Makes <paramref name="bytes"/> arrive as one piece.</summary>
    public void Arrive(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.IsEmpty)
        {
            _arrivals.Writer.TryWrite(bytes.ToArray());
        }
    }

    /// <summary>The peer ends the connection after what has arrived.</summary>
    public void End() => _arrivals.Writer.TryComplete();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            ZeroByteReads++;
        }
        else
        {
            DataReads++;
        }
        if (_position == _current.Length)
        {
            if (!_arrivals.Reader.TryRead(out var next))
            {
                var waiting = _arrivals.Reader.WaitToReadAsync(cancellationToken);
                if (!waiting.IsCompleted && !buffer.IsEmpty)
                {
                    DataReadsThatWaited++;
                }
                if (!await waiting.ConfigureAwait(false))
                {
                    return 0;
                }
                _arrivals.Reader.TryRead(out next);
            }
            _current = next!;
            _position = 0;
        }
        var count = Math.Min(buffer.Length, _current.Length - _position);
        _current.AsSpan(_position, count).CopyTo(buffer.Span);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        lock (Written)
        {
            Written.Write(buffer.Span);
        }
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        End();
        base.Dispose(disposing);
    }
}
