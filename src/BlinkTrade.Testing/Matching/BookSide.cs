using System.Numerics;

namespace BlinkTrade.Testing.Matching;

/// <summary>
/// One side of a book: price levels in a sorted array, worst price first and <b>best price last</b>, so that
/// removing the best level is O(1) and inserting near the touch moves few elements. A parallel array of
/// per-level order counts, plus one sum per block of 64 levels, gives an order's market-data position
/// (the number of orders at better prices) in O(64 + levels/64) with vectorised sums instead of O(levels).
/// Block sums are rebuilt only from the changed block to the best end when a level is inserted or removed,
/// which is cheap because most level changes happen near the touch.
/// </summary>
internal sealed class BookSide
{
    private readonly bool _isBid;
    private readonly Stack<PriceLevel> _pool = new();
    private long[] _keys = new long[64];
    private PriceLevel[] _levels = new PriceLevel[64];
    private int[] _counts = new int[64];
    private int[] _blockSums = new int[64 >> BlockShift];

    private const int BlockShift = 6;
    private const int BlockSize = 1 << BlockShift;

    public BookSide(bool isBid, int levelCapacity = 0)
    {
        _isBid = isBid;
        for (var i = 0; i < levelCapacity; i++)
        {
            _pool.Push(new PriceLevel());
        }
    }

    public int LevelCount { get; private set; }

    /// <summary>Orders on this side (all visible: hidden orders never rest).</summary>
    public int OrderCount { get; private set; }

    public PriceLevel BestLevel => _levels[LevelCount - 1];

    /// <summary>Level at sorted index <paramref name="index"/> (0 = worst).</summary>
    public PriceLevel LevelAt(int index) => _levels[index];

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

        var level = _levels[index];
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

        var level = _levels[index];
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
        var level = _levels[index];
        level.RemoveHead();
        _counts[index]--;
        _blockSums[index >> BlockShift]--;
        OrderCount--;
        if (level.Count == 0)
        {
            LevelCount--;
            _pool.Push(level);
            _levels[index] = null!;
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

    /// <summary>Recomputes the block sums from the block of <paramref name="index"/> to the last used block.</summary>
    private void RebuildBlockSums(int index, int levelCount)
    {
        var last = levelCount == 0 ? 0 : (levelCount - 1) >> BlockShift;
        for (var block = index >> BlockShift; block <= last; block++)
        {
            _blockSums[block] = Sum(new ReadOnlySpan<int>(_counts, block << BlockShift, BlockSize));
        }
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
            Array.Resize(ref _levels, capacity);
            Array.Resize(ref _counts, capacity);
            Array.Resize(ref _blockSums, capacity >> BlockShift);
        }

        var move = LevelCount - index;
        if (move > 0)
        {
            Array.Copy(_keys, index, _keys, index + 1, move);
            Array.Copy(_levels, index, _levels, index + 1, move);
            Array.Copy(_counts, index, _counts, index + 1, move);
        }

        var level = _pool.Count > 0 ? _pool.Pop() : new PriceLevel();
        level.Reset(price);
        _keys[index] = key;
        _levels[index] = level;
        _counts[index] = 0;
        LevelCount++;
        RebuildBlockSums(index, LevelCount);
    }

    private void RemoveLevel(int index)
    {
        _pool.Push(_levels[index]);
        var move = LevelCount - index - 1;
        if (move > 0)
        {
            Array.Copy(_keys, index + 1, _keys, index, move);
            Array.Copy(_levels, index + 1, _levels, index, move);
            Array.Copy(_counts, index + 1, _counts, index, move);
        }

        LevelCount--;
        _levels[LevelCount] = null!;
        _counts[LevelCount] = 0;
        RebuildBlockSums(index, LevelCount + 1);
    }

    /// <summary>Binary search over the sorted keys: the index of <paramref name="key"/>, or the complement of its insertion point.</summary>
    private int Find(long key)
    {
        var keys = _keys;
        var low = 0;
        var high = LevelCount - 1;
        while (low <= high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            var probe = keys[middle];
            if (probe == key)
            {
                return middle;
            }

            if (probe < key)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }

    /// <summary>Sort key: ascending keys put the best price last (bids: higher is better; asks: lower is better).</summary>
    private long Key(long price) => _isBid ? price : -price;
}
