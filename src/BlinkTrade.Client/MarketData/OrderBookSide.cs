namespace BlinkTrade.Client.MarketData;

/// <summary>
/// One side of a replica in a growable array. Positions are 1-based from the best entry, as on the wire, but the
/// array is stored worst-first: the best entry is the last element. Most book activity happens at the top (new
/// best price, fills that delete-thru the top, partial fills changing position 1), and at the end of an array those
/// are O(1) instead of shifting the whole side. Steady-state operations do not allocate (the array only grows).
/// </summary>
internal sealed class OrderBookSide
{
    private OrderBookEntry[] _items;
    private int _count;

    public OrderBookSide(int capacity = 64) => _items = new OrderBookEntry[Math.Max(capacity, 4)];

    public int Count => _count;

    /// <summary>The entry at a 1-based position from the best.</summary>
    public OrderBookEntry this[int position]
    {
        get
        {
            var index = _count - position;
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(position));
            }
            return _items[index];
        }
    }

    /// <summary>New: insert at position (1…Count+1).</summary>
    public bool TryInsert(int position, in OrderBookEntry entry)
    {
        if ((uint)(position - 1) > (uint)_count)
        {
            return false;
        }
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        var index = _count - position + 1;
        if (index < _count)
        {
            Array.Copy(_items, index, _items, index + 1, _count - index);
        }
        _items[index] = entry;
        _count++;
        return true;
    }

    /// <summary>Change: replace at position (1…Count).</summary>
    public bool TryReplace(int position, in OrderBookEntry entry)
    {
        var index = _count - position;
        if ((uint)(position - 1) >= (uint)_count)
        {
            return false;
        }
        _items[index] = entry;
        return true;
    }

    /// <summary>Delete: remove at position (1…Count).</summary>
    public bool TryRemoveAt(int position)
    {
        if ((uint)(position - 1) >= (uint)_count)
        {
            return false;
        }
        var index = _count - position;
        _count--;
        if (index < _count)
        {
            Array.Copy(_items, index + 1, _items, index, _count - index);
        }
        _items[_count] = default; // drop the string reference
        return true;
    }

    /// <summary>Delete-thru: remove positions 1…<paramref name="position"/> (0…Count).</summary>
    public bool TryRemoveThrough(int position)
    {
        if ((uint)position > (uint)_count)
        {
            return false;
        }
        _count -= position;
        Array.Clear(_items, _count, position);
        return true;
    }

    public void Clear()
    {
        Array.Clear(_items, 0, _count);
        _count = 0;
    }

    /// <summary>Replaces the content with <paramref name="bestFirst"/> (a snapshot, best entry first).</summary>
    public void Load(List<OrderBookEntry> bestFirst)
    {
        Clear();
        if (_items.Length < bestFirst.Count)
        {
            _items = new OrderBookEntry[Math.Max(bestFirst.Count, _items.Length * 2)];
        }
        for (var i = 0; i < bestFirst.Count; i++)
        {
            _items[bestFirst.Count - 1 - i] = bestFirst[i];
        }
        _count = bestFirst.Count;
    }

    public void Add(in OrderBookEntry entry) => TryInsert(_count + 1, entry);

    /// <summary>The entries best first.</summary>
    public OrderBookEntry[] ToArray()
    {
        var result = new OrderBookEntry[_count];
        for (var i = 0; i < _count; i++)
        {
            result[i] = _items[_count - 1 - i];
        }
        return result;
    }
}
