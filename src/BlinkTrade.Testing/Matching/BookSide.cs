using System.Numerics;

namespace BlinkTrade.Testing.Matching;

/// <summary>
/// One side of a book: price levels in a sorted array, worst price first and <b>best price last</b>, so that
/// removing the best level is O(1) and inserting near the touch moves few elements. The sorted arrays hold only
/// value types (key, level id, order count), so shifting them is a plain memmove without GC write barriers.
/// The per-level order counts, plus one running sum per block of 64 sorted positions, give an order's market-data
/// position (the number of orders at better prices) in O(64 + levels/64) with vectorised sums instead of O(levels);
/// a level insert or removal fixes the block sums incrementally, one element per block boundary it shifts across.
/// </summary>
internal sealed class BookSide
{
    private const int BlockShift = 6;
    private const int BlockSize = 1 << BlockShift;

    private readonly bool _isBid;
    private readonly int _ordersPerLevel;
    private long[] _keys = new long[64];
    private int[] _levelIds = new int[64];
    private int[] _counts = new int[64];
    private int[] _blockSums = new int[64 >> BlockShift];

    /// <summary>Every price level ever created on this side, by id; free ids are reused.</summary>
    private PriceLevel[] _store;
    private int[] _freeIds;
    private int _freeCount;
    private int _storeCount;

    public BookSide(bool isBid, int levelCapacity = 0, int ordersPerLevel = 8)
    {
        _isBid = isBid;
        _ordersPerLevel = ordersPerLevel;
        _store = new PriceLevel[Math.Max(levelCapacity, 16)];
        _freeIds = new int[_store.Length];
        for (var i = 0; i < levelCapacity; i++)
        {
            _store[i] = new PriceLevel(ordersPerLevel);
            _freeIds[_freeCount++] = levelCapacity - 1 - i;
        }

        _storeCount = levelCapacity;
    }

    public int LevelCount { get; private set; }

    /// <summary>Orders on this side (all visible: hidden orders never rest).</summary>
    public int OrderCount { get; private set; }

    public ref PriceLevel BestLevel => ref _store[_levelIds[LevelCount - 1]];

    /// <summary>Level at sorted index <paramref name="index"/> (0 = worst, <see cref="LevelCount"/> - 1 = best).</summary>
    public ref PriceLevel LevelAt(int index) => ref _store[_levelIds[index]];

    /// <summary>Adds an order at the back of its price and returns its 1-based position within the side.</summary>
    public int Add(int slot, long price)
    {
        var key = Key(price);
        var index = Find(key);
        if (index < 0)
        {
            index = ~index;
            InsertLevel(index, key, price);
        }

        ref var level = ref _store[_levelIds[index]];
        level.Append(slot);
        _counts[index]++;
        _blockSums[index >> BlockShift]++;
        OrderCount++;
        return OrdersBetterThan(index) + level.Count;
    }

    /// <summary>Removes a resting order and returns its 1-based position before removal.</summary>
    public int Remove(int slot, long price)
    {
        var index = Find(Key(price));
        if (index < 0)
        {
            throw new InvalidOperationException("Order price has no level.");
        }

        ref var level = ref _store[_levelIds[index]];
        var position = OrdersBetterThan(index) + level.Remove(slot) + 1;
        _counts[index]--;
        _blockSums[index >> BlockShift]--;
        OrderCount--;
        if (level.Count == 0)
        {
            RemoveLevel(index);
        }

        return position;
    }

    /// <summary>Removes the first order of the best level (it was filled or cancelled while matching).</summary>
    public void RemoveBestHead()
    {
        var index = LevelCount - 1;
        var id = _levelIds[index];
        ref var level = ref _store[id];
        level.RemoveHead();
        _counts[index]--;
        _blockSums[index >> BlockShift]--;
        OrderCount--;
        if (level.Count == 0)
        {
            // The best level is last: nothing shifts and its (now zero) count stays out of every block sum.
            LevelCount--;
            _freeIds[_freeCount++] = id;
        }
    }

    /// <summary>Sum of the order counts of the levels better than <paramref name="index"/> (sorted positions index+1 … end).</summary>
    private int OrdersBetterThan(int index)
    {
        var start = index + 1;
        if (start >= LevelCount)
        {
            return 0;
        }

        // The rest of start's block level by level, then whole blocks (counts past LevelCount are kept at 0).
        var nextBlock = (start + BlockSize - 1) >> BlockShift;
        var partialEnd = Math.Min(nextBlock << BlockShift, LevelCount);
        var blocks = ((LevelCount - 1) >> BlockShift) + 1;
        return Sum(new ReadOnlySpan<int>(_counts, start, partialEnd - start)) +
            (nextBlock < blocks ? Sum(new ReadOnlySpan<int>(_blockSums, nextBlock, blocks - nextBlock)) : 0);
    }

    private static int Sum(ReadOnlySpan<int> values)
    {
        var i = 0;
        var sum = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<int>.Count)
        {
            var acc = Vector<int>.Zero;
            for (; i <= values.Length - Vector<int>.Count; i += Vector<int>.Count)
            {
                acc += new Vector<int>(values[i..]);
            }

            sum = Vector.Sum(acc);
        }

        for (; i < values.Length; i++)
        {
            sum += values[i];
        }

        return sum;
    }

    private void InsertLevel(int index, long key, long price)
    {
        if (LevelCount == _keys.Length)
        {
            var capacity = _keys.Length * 2;
            Array.Resize(ref _keys, capacity);
            Array.Resize(ref _levelIds, capacity);
            Array.Resize(ref _counts, capacity);
            Array.Resize(ref _blockSums, capacity >> BlockShift);
        }

        // Shifting right by one moves the last element of every block from index's block on into the next block.
        for (var boundary = ((index >> BlockShift) + 1) << BlockShift; boundary <= LevelCount; boundary += BlockSize)
        {
            var moved = _counts[boundary - 1];
            _blockSums[(boundary >> BlockShift) - 1] -= moved;
            _blockSums[boundary >> BlockShift] += moved;
        }

        var move = LevelCount - index;
        if (move > 0)
        {
            Array.Copy(_keys, index, _keys, index + 1, move);
            Array.Copy(_levelIds, index, _levelIds, index + 1, move);
            Array.Copy(_counts, index, _counts, index + 1, move);
        }

        var id = RentLevel();
        _store[id].Reset(price);
        _keys[index] = key;
        _levelIds[index] = id;
        _counts[index] = 0;
        LevelCount++;
    }

    /// <summary>Removes the (empty) level at <paramref name="index"/>.</summary>
    private void RemoveLevel(int index)
    {
        _freeIds[_freeCount++] = _levelIds[index];

        // Shifting left by one moves the first element of every later block into the previous block.
        for (var boundary = ((index >> BlockShift) + 1) << BlockShift; boundary < LevelCount; boundary += BlockSize)
        {
            var moved = _counts[boundary];
            _blockSums[boundary >> BlockShift] -= moved;
            _blockSums[(boundary >> BlockShift) - 1] += moved;
        }

        var move = LevelCount - index - 1;
        if (move > 0)
        {
            Array.Copy(_keys, index + 1, _keys, index, move);
            Array.Copy(_levelIds, index + 1, _levelIds, index, move);
            Array.Copy(_counts, index + 1, _counts, index, move);
        }

        LevelCount--;
        _counts[LevelCount] = 0;
    }

    private int RentLevel()
    {
        if (_freeCount > 0)
        {
            return _freeIds[--_freeCount];
        }

        if (_storeCount == _store.Length)
        {
            Array.Resize(ref _store, _store.Length * 2);
            Array.Resize(ref _freeIds, _store.Length);
        }

        _store[_storeCount] = new PriceLevel(_ordersPerLevel);
        return _storeCount++;
    }

    /// <summary>Binary search over the sorted keys: the index of <paramref name="key"/>, or the complement of its insertion point.</summary>
    /// <remarks>Branch-free halving (the JIT turns the select into a conditional move): random cancels all over the book
    /// would otherwise mispredict about half of the ~log2(levels) comparisons.</remarks>
    private int Find(long key)
    {
        var count = LevelCount;
        if (count == 0)
        {
            return ~0;
        }

        var keys = _keys;
        var low = 0;
        while (count > 1)
        {
            var half = count >> 1;
            low = keys[low + half] <= key ? low + half : low;
            count -= half;
        }

        var found = keys[low];
        return found == key ? low : ~(found < key ? low + 1 : low);
    }

    /// <summary>Sort key: ascending keys put the best price last (bids: higher is better; asks: lower is better).</summary>
    private long Key(long price) => _isBid ? price : -price;
}
