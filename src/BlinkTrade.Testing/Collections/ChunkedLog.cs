namespace BlinkTrade.Testing.Collections;

/// <summary>
/// Append-only store of structs in fixed-size chunks, so that growing never copies (and never allocates
/// on the large-object heap more than one chunk at a time). Capacity reserved up front is reused, so a
/// sized log adds nothing per command.
/// </summary>
/// <typeparam name="T">Row type.</typeparam>
internal sealed class ChunkedLog<T>
    where T : struct
{
    private const int ChunkShift = 14;
    private const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;

    private T[][] _chunks = new T[4][];
    private int _chunkCount;

    public ChunkedLog(long initialCapacity)
    {
        var chunks = (int)((Math.Max(initialCapacity, 1) + ChunkSize - 1) >> ChunkShift);
        for (var i = 0; i < chunks; i++)
        {
            AddChunk();
        }
    }

    /// <summary>Number of rows written.</summary>
    public long Count { get; private set; }

    /// <summary>Row <paramref name="index"/> (0-based, must be below <see cref="Count"/>).</summary>
    public ref T this[long index] => ref _chunks[(int)(index >> ChunkShift)][(int)(index & ChunkMask)];

    /// <summary>Rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) as one span, when they lie in one
    /// chunk.</summary>
    public bool TryGetSpan(long start, int count, out Span<T> rows)
    {
        var offset = (int)(start & ChunkMask);
        if (count == 0 || offset + count > ChunkSize)
        {
            rows = count == 0 ? [] : default;
            return count == 0;
        }

        rows = _chunks[(int)(start >> ChunkShift)].AsSpan(offset, count);
        return true;
    }

    /// <summary>Appends a zeroed row and returns it for filling in (rows are never reused: a chunk is zeroed when it is
    /// allocated, so writing zeros again here would only double the memory traffic of the log).</summary>
    public ref T Append()
    {
        var index = Count;
        var chunk = (int)(index >> ChunkShift);
        if (chunk == _chunkCount)
        {
            AddChunk();
        }

        Count = index + 1;
        return ref _chunks[chunk][(int)(index & ChunkMask)];
    }

    private void AddChunk()
    {
        if (_chunkCount == _chunks.Length)
        {
            Array.Resize(ref _chunks, _chunks.Length * 2);
        }

        var chunk = new T[ChunkSize];

        // Touch every page now: a fresh large array is mapped lazily by the OS, and first-touch page faults would
        // otherwise land on whichever command writes the row (a latency spike in the middle of matching).
        var stride = Math.Max(1, 4096 / System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        for (var i = 0; i < chunk.Length; i += stride)
        {
            chunk[i] = default;
        }

        _chunks[_chunkCount++] = chunk;
    }
}
