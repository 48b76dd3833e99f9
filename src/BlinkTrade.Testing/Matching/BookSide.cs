using System.Numerics;

namespace BlinkTrade.Testing.Matching;

/// <summary>
/// One side of a book: price levels in a sorted array, worst price first and <b>best price last</b>, so that
/// removing the best level is O(1) and inserting near the touch moves few elements. A parallel array of
/// per-level order counts gives an order's market-data position as a vectorised sum over the better levels
/// (summed from whichever end is nearer).
/// </summary>
internal sealed class BookSide
{
    private readonly bool _isBid;
    private readonly Stack<PriceLevel> _pool = new();
    private long[] _keys = new long[64];
    private PriceLevel[] _levels = new PriceLevel[64];
    private int[] _counts = new int[64];

    public BookSide(bool isBid) => _isBid = isBid;

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
        var index = Array.BinarySearch(_keys, 0, LevelCount, key);
        if (index < 0)
        {
            index = ~index;
            InsertLevel(index, key, price);
        }

        var level = _levels[index];
        level.Append(slot);
        _counts[index]++;
        OrderCount++;
        return OrdersBetterThan(index) + level.Count;
    }

    /// <summary>Removes a resting order and returns its 1-based position before removal.</summary>
    public int Remove(int slot, long price)
    {
        var index = Array.BinarySearch(_keys, 0, LevelCount, Key(price));
        if (index < 0)
        {
            throw new InvalidOperationException("Order price has no level.");
        }

        var level = _levels[index];
        var position = OrdersBetterThan(index) + level.Remove(slot) + 1;
        _counts[index]--;
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
        OrderCount--;
        if (level.Count == 0)
        {
            LevelCount--;
            _pool.Push(level);
            _levels[index] = null!;
        }
    }

    /// <summary>Sum of the order counts of the levels better than <paramref name="index"/>.</summary>
    private int OrdersBetterThan(int index)
    {
        var better = LevelCount - index - 1;
        if (better <= index + 1)
        {
            return Sum(new ReadOnlySpan<int>(_counts, index + 1, better));
        }

        return OrderCount - Sum(new ReadOnlySpan<int>(_counts, 0, index + 1));
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
    }

    /// <summary>Sort key: ascending keys put the best price last (bids: higher is better; asks: lower is better).</summary>
    private long Key(long price) => _isBid ? price : -price;
}
