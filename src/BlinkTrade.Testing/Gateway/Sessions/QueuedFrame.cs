using System.Numerics;
using BlinkTrade.Testing.Gateway.MarketData;

namespace BlinkTrade.Testing.Gateway.Sessions;

/// <summary>
/// One frame on its way to a session: its own bytes, or a publication shared by many sessions (<see cref="SharedIdFrame"/>)
/// together with this session's request id, spliced into the session's send buffer only when the frame is sent.
/// </summary>
/// <remarks>Why not a spliced array per subscriber: at a thousand subscribers (every client numbers its requests from
/// its own random start, so every MDReqID differs) those arrays were ~380 B allocated per subscriber per book update,
/// and they sat in the session queues across a collection — the GC pauses behind the fan-out's p99. The splice needs a
/// buffer only while the frame is sent, and a session sends one frame at a time.</remarks>
internal readonly struct QueuedFrame
{
    private readonly byte[]? _bytes;
    private readonly SharedIdFrame? _shared;
    private readonly ReadOnlyMemory<byte> _id;

    /// <summary>A frame of its own.</summary>
    public QueuedFrame(byte[] bytes)
    {
        _bytes = bytes;
        Length = bytes.Length;
    }

    /// <summary>The shared publication <paramref name="shared"/> with <paramref name="id"/> (the id's JSON) spliced in.</summary>
    public QueuedFrame(SharedIdFrame shared, ReadOnlyMemory<byte> id)
    {
        _shared = shared;
        _id = id;
        Length = shared.LengthWith(id.Length);
    }

    /// <summary>The frame's size in bytes, what it counts against the session's byte bound.</summary>
    public int Length { get; }

    /// <summary>The frame's bytes: its own array, or the shared body with the id spliced into <paramref name="buffer"/>
    /// (replaced by a larger one when too small). The bytes stay valid until the buffer is written again.</summary>
    /// <param name="buffer">The caller's reusable buffer; <see langword="null"/> until the first splice.</param>
    /// <param name="keepUpTo">The largest buffer to keep: a larger frame is spliced into an array of its own.</param>
    public ReadOnlyMemory<byte> Bytes(ref byte[]? buffer, int keepUpTo)
    {
        if (_bytes is not null)
        {
            return _bytes;
        }
        var destination = buffer;
        if (destination is null || destination.Length < Length)
        {
            // Grown in powers of two, so a session's buffer settles after a few publications.
            destination = new byte[Length <= keepUpTo ? Math.Min(keepUpTo, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(Length, 512))) : Length];
            if (destination.Length <= keepUpTo)
            {
                buffer = destination;
            }
        }
        _shared!.Splice(_id.Span, destination);
        return destination.AsMemory(0, Length);
    }

    /// <summary>A copy of the frame's bytes (tests).</summary>
    public byte[] ToArray()
    {
        byte[]? buffer = null;
        return Bytes(ref buffer, 0).ToArray();
    }
}
