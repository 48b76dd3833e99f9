namespace BlinkTrade.Client.MarketData;

/// <summary>
/// One side of a replica, best entry first (positions are 1-based from the best, as on the wire), kept as a run of small
/// chunks. <see cref="Publish"/> freezes the chunks and hands out an immutable view of them; the next change of the
/// side copies only the chunk it touches (copy on write) — so a snapshot after an X costs one chunk (at most
/// <see cref="MaxChunk"/> entries) and a list of chunk references, however deep the book, and the chunks the change did
/// not touch are shared with every earlier snapshot.
/// </summary>
/// <remarks>Why not copy the side per snapshot: every update of a 50-order side copied 50 entries (2.4 KB) for its
/// snapshot, more than parsing and applying the X itself. Inserts and deletes move entries within one chunk only.</remarks>
internal sealed class OrderBookSide
{
    /// <summary>The most entries a chunk holds; a full chunk splits in two.</summary>
    /// <remarks>8 (a snapshot loads chunks of 4), not 16: the copy of the touched chunk is most of what an X costs the
    /// receive loop (an allocation and a copy with write barriers, the entries hold a string); halving it measured
    /// 8 % less CPU per update in the subscribers' process at 1,000 sessions (docs/performance.md, task 18y). The
    /// extra chunk references a snapshot holds cost less than the entries no longer copied.</remarks>
    internal const int MaxChunk = 8;
    private const int LoadChunk = MaxChunk / 2;

    private Chunk[] _chunks = new Chunk[4];
    private int _chunkCount;
    private int _count;
    private OrderBookSideView? _published;

    public int Count => _count;

    /// <summary>The entry at a 1-based position from the best.</summary>
    public OrderBookEntry this[int position]
    {
        get
        {
            var index = position - 1;
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(position));
            }
            var c = Locate(ref index);
            return _chunks[c].Items[index];
        }
    }

    /// <summary>New: insert at position (1…Count+1).</summary>
    public bool TryInsert(int position, in OrderBookEntry entry)
    {
        var index = position - 1;
        if ((uint)index > (uint)_count)
        {
            return false;
        }
        _published = null;
        if (_chunkCount == 0)
        {
            InsertChunk(0, new Chunk(new OrderBookEntry[4], 0));
        }
        // An insert at the end of a chunk goes into that chunk (the position after the side's last entry too).
        int c;
        if (index == _count)
        {
            c = _chunkCount - 1;
            index = _chunks[c].Count;
        }
        else
        {
            c = Locate(ref index);
        }
        if (_chunks[c].Count == MaxChunk)
        {
            Split(c);
            if (index > _chunks[c].Count)
            {
                index -= _chunks[c].Count;
                c++;
            }
        }
        var chunk = Writable(c, room: 1);
        Array.Copy(chunk.Items, index, chunk.Items, index + 1, chunk.Count - index);
        chunk.Items[index] = entry;
        chunk.Count++;
        _count++;
        return true;
    }

    /// <summary>Change: replace at position (1…Count).</summary>
    public bool TryReplace(int position, in OrderBookEntry entry)
    {
        var index = position - 1;
        if ((uint)index >= (uint)_count)
        {
            return false;
        }
        _published = null;
        var c = Locate(ref index);
        Writable(c, room: 0).Items[index] = entry;
        return true;
    }

    /// <summary>Delete: remove at position (1…Count).</summary>
    public bool TryRemoveAt(int position)
    {
        var index = position - 1;
        if ((uint)index >= (uint)_count)
        {
            return false;
        }
        _published = null;
        var c = Locate(ref index);
        if (_chunks[c].Count == 1)
        {
            RemoveChunks(c, 1);
        }
        else
        {
            var chunk = Writable(c, room: 0);
            Array.Copy(chunk.Items, index + 1, chunk.Items, index, chunk.Count - 1 - index);
            chunk.Count--;
            chunk.Items[chunk.Count] = default; // drop the string reference
        }
        _count--;
        return true;
    }

    /// <summary>Delete-thru: remove positions 1…<paramref name="position"/> (0…Count).</summary>
    public bool TryRemoveThrough(int position)
    {
        if ((uint)position > (uint)_count)
        {
            return false;
        }
        if (position == 0)
        {
            return true;
        }
        _published = null;
        _count -= position;
        var whole = 0;
        while (whole < _chunkCount && position >= _chunks[whole].Count)
        {
            position -= _chunks[whole].Count;
            whole++;
        }
        RemoveChunks(0, whole);
        if (position > 0)
        {
            var chunk = Writable(0, room: 0);
            Array.Copy(chunk.Items, position, chunk.Items, 0, chunk.Count - position);
            Array.Clear(chunk.Items, chunk.Count - position, position);
            chunk.Count -= position;
        }
        return true;
    }

    public void Clear()
    {
        Array.Clear(_chunks, 0, _chunkCount);
        _chunkCount = 0;
        _count = 0;
        _published = null;
    }

    /// <summary>Replaces the content with <paramref name="bestFirst"/> (a snapshot, best entry first).</summary>
    public void Load(List<OrderBookEntry> bestFirst)
    {
        Clear();
        for (var start = 0; start < bestFirst.Count; start += LoadChunk)
        {
            var length = Math.Min(LoadChunk, bestFirst.Count - start);
            var items = new OrderBookEntry[length + 1]; // room for one insert before the chunk is copied anyway
            bestFirst.CopyTo(start, items, 0, length);
            InsertChunk(_chunkCount, new Chunk(items, length));
        }
        _count = bestFirst.Count;
    }

    public void Add(in OrderBookEntry entry) => TryInsert(_count + 1, entry);

    /// <summary>
    /// The entries best first, as an immutable list: the same instance until the side changes, and never changed
    /// afterwards (its chunks are frozen; a later change copies the chunk it touches).
    /// </summary>
    public IReadOnlyList<OrderBookEntry> Publish()
    {
        if (_published is { } published)
        {
            return published;
        }
        if (_count == 0)
        {
            return _published = OrderBookSideView.Empty;
        }
        var chunks = new Chunk[_chunkCount];
        var ends = new int[_chunkCount];
        var end = 0;
        for (var c = 0; c < _chunkCount; c++)
        {
            var chunk = _chunks[c];
            chunk.Frozen = true;
            chunks[c] = chunk;
            end += chunk.Count;
            ends[c] = end;
        }
        return _published = new OrderBookSideView(chunks, ends);
    }

    // The chunk holding the 0-based index; index becomes the offset within it. Walks from the best: X traffic is
    // mostly at the top of the book.
    private int Locate(ref int index)
    {
        for (var c = 0; c < _chunkCount; c++)
        {
            var count = _chunks[c].Count;
            if (index < count)
            {
                return c;
            }
            index -= count;
        }
        throw new InvalidOperationException("The side's chunks do not add up to its count.");
    }

    // The chunk at c, copied first when a published view holds it, with room for `room` more entries.
    private Chunk Writable(int c, int room)
    {
        var chunk = _chunks[c];
        if (chunk.Frozen || chunk.Count + room > chunk.Items.Length)
        {
            // A copy with one spare slot: most changes after a snapshot touch the chunk once.
            var items = new OrderBookEntry[Math.Min(MaxChunk, chunk.Count + Math.Max(room, 1))];
            Array.Copy(chunk.Items, items, chunk.Count);
            _chunks[c] = chunk = new Chunk(items, chunk.Count);
        }
        return chunk;
    }

    // A full chunk becomes two halves (new arrays: the old one may be published).
    private void Split(int c)
    {
        var full = _chunks[c];
        var firstCount = full.Count / 2;
        var secondCount = full.Count - firstCount;
        var first = new OrderBookEntry[firstCount + 1];
        var second = new OrderBookEntry[secondCount + 1];
        Array.Copy(full.Items, 0, first, 0, firstCount);
        Array.Copy(full.Items, firstCount, second, 0, secondCount);
        _chunks[c] = new Chunk(first, firstCount);
        InsertChunk(c + 1, new Chunk(second, secondCount));
    }

    private void InsertChunk(int at, Chunk chunk)
    {
        if (_chunkCount == _chunks.Length)
        {
            Array.Resize(ref _chunks, _chunks.Length * 2);
        }
        Array.Copy(_chunks, at, _chunks, at + 1, _chunkCount - at);
        _chunks[at] = chunk;
        _chunkCount++;
    }

    private void RemoveChunks(int at, int count)
    {
        Array.Copy(_chunks, at + count, _chunks, at, _chunkCount - at - count);
        Array.Clear(_chunks, _chunkCount - count, count);
        _chunkCount -= count;
    }

    /// <summary>A run of entries. Once <see cref="Frozen"/> (held by a published view) it never changes again.</summary>
    internal sealed class Chunk(OrderBookEntry[] items, int count)
    {
        public OrderBookEntry[] Items { get; } = items;

        public int Count { get; set; } = count;

        public bool Frozen { get; set; }
    }
}
