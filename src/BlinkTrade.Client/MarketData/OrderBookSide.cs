namespace BlinkTrade.Client.MarketData;

/// <summary>
/// One side of a replica, best entry first (positions are 1-based from the best, as on the wire), copy-on-write:
/// <see cref="ToArray"/> hands out the side's own array when it is exactly full (and an exact copy otherwise), and
/// marks it shared; the next change then builds a new exact-size array with the change folded into one bulk copy
/// (<see cref="Array.Copy(Array, int, Array, int, int)"/>, no per-element write barriers) instead of a shift plus a
/// reversing copy at publish time. A snapshot after an update of one side shares the other side's array with the
/// previous snapshot. Changes between two publications (several entries in one frame) happen in place.
/// </summary>
internal sealed class OrderBookSide
{
    private OrderBookEntry[] _items;
    private int _count;
    private bool _shared;

    public OrderBookSide(int capacity = 64) => _items = new OrderBookEntry[Math.Max(capacity, 4)];

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
            return _items[index];
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
        if (_shared || _count == _items.Length)
        {
            // One pass: copy around the gap into a new array (exact size when the old one is published).
            var items = new OrderBookEntry[_shared ? _count + 1 : Math.Max(_items.Length * 2, 4)];
            Array.Copy(_items, 0, items, 0, index);
            Array.Copy(_items, index, items, index + 1, _count - index);
            _items = items;
            _shared = false;
        }
        else if (index < _count)
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
        var index = position - 1;
        if ((uint)index >= (uint)_count)
        {
            return false;
        }
        if (_shared)
        {
            var items = new OrderBookEntry[_count];
            Array.Copy(_items, items, _count);
            _items = items;
            _shared = false;
        }
        _items[index] = entry;
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
        _count--;
        if (_shared)
        {
            var items = _count == 0 ? [] : new OrderBookEntry[_count];
            Array.Copy(_items, 0, items, 0, index);
            Array.Copy(_items, index + 1, items, index, _count - index);
            _items = items;
            _shared = false;
            return true;
        }
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
        if (position == 0)
        {
            return true;
        }
        _count -= position;
        if (_shared)
        {
            var items = _count == 0 ? [] : new OrderBookEntry[_count];
            Array.Copy(_items, position, items, 0, _count);
            _items = items;
            _shared = false;
            return true;
        }
        Array.Copy(_items, position, _items, 0, _count);
        Array.Clear(_items, _count, position);
        return true;
    }

    public void Clear()
    {
        if (_shared)
        {
            _items = new OrderBookEntry[Math.Max(_items.Length, 4)];
            _shared = false;
        }
        else
        {
            Array.Clear(_items, 0, _count);
        }
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
        bestFirst.CopyTo(_items);
        _count = bestFirst.Count;
    }

    public void Add(in OrderBookEntry entry) => TryInsert(_count + 1, entry);

    /// <summary>The entries best first. The array is shared by every call until the side changes: never mutate it.</summary>
    public OrderBookEntry[] ToArray()
    {
        if (!_shared)
        {
            if (_items.Length != _count)
            {
                // Spare capacity (after a snapshot load or in-place changes): publish an exact copy.
                _items = _count == 0 ? [] : _items.AsSpan(0, _count).ToArray();
            }
            _shared = true;
        }
        return _items;
    }
}
