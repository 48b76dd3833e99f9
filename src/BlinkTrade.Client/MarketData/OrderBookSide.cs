namespace BlinkTrade.Client.MarketData;

/// <summary>
/// One side of a replica, best entry first (positions are 1-based from the best, as on the wire). The entries sit in
/// the middle of a buffer, <c>[_head, _head + _count)</c>, with room at both ends: an X changes it in place and moves
/// only the shorter part of the side — so the top of the book (where most of the traffic is) changes in O(1) however
/// deep the book. <see cref="ToArray"/> publishes an exact-size copy made with one bulk
/// <see cref="Array.Copy(Array, int, Array, int, int)"/> and reuses it until the side changes again, so a snapshot
/// after an update of one side shares the other side's array with the previous snapshot.
/// </summary>
internal sealed class OrderBookSide
{
    private OrderBookEntry[] _items;
    private int _head;
    private int _count;
    private OrderBookEntry[]? _published;

    public OrderBookSide(int capacity = 64)
    {
        _items = new OrderBookEntry[Math.Max(capacity, 4)];
        _head = _items.Length / 2;
    }

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
            return _items[_head + index];
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
        var tailRoom = _items.Length - _head - _count;
        if (_head == 0 && tailRoom == 0)
        {
            Grow();
            tailRoom = _items.Length - _head - _count;
        }
        // Move the shorter part: the entries before the new one one slot up, or those after it one slot down.
        if (_head > 0 && (index < _count - index || tailRoom == 0))
        {
            Array.Copy(_items, _head, _items, _head - 1, index);
            _head--;
        }
        else
        {
            Array.Copy(_items, _head + index, _items, _head + index + 1, _count - index);
        }
        _items[_head + index] = entry;
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
        _items[_head + index] = entry;
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
        if (index < _count - 1 - index)
        {
            // Close the gap from the front: the entries before it move one slot down.
            Array.Copy(_items, _head, _items, _head + 1, index);
            _items[_head] = default; // drop the string reference
            _head++;
        }
        else
        {
            Array.Copy(_items, _head + index + 1, _items, _head + index, _count - 1 - index);
            _items[_head + _count - 1] = default;
        }
        _count--;
        if (_count == 0)
        {
            _head = _items.Length / 2;
        }
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
        Array.Clear(_items, _head, position);
        _head += position;
        _count -= position;
        if (_count == 0)
        {
            _head = _items.Length / 2;
        }
        return true;
    }

    public void Clear()
    {
        Array.Clear(_items, _head, _count);
        _count = 0;
        _head = _items.Length / 2;
        _published = null;
    }

    /// <summary>Replaces the content with <paramref name="bestFirst"/> (a snapshot, best entry first).</summary>
    public void Load(List<OrderBookEntry> bestFirst)
    {
        Clear();
        if (_items.Length < bestFirst.Count * 2)
        {
            _items = new OrderBookEntry[Math.Max(bestFirst.Count * 2, 8)];
        }
        _head = (_items.Length - bestFirst.Count) / 2;
        bestFirst.CopyTo(_items, _head);
        _count = bestFirst.Count;
    }

    public void Add(in OrderBookEntry entry) => TryInsert(_count + 1, entry);

    /// <summary>The entries best first. The array is shared by every call until the side changes: never mutate it.</summary>
    public OrderBookEntry[] ToArray() => _published ??= _count == 0 ? [] : _items.AsSpan(_head, _count).ToArray();

    // Twice the room, the entries centred so both ends have space again.
    private void Grow()
    {
        var items = new OrderBookEntry[Math.Max(_items.Length * 2, 8)];
        var head = (items.Length - _count) / 2;
        Array.Copy(_items, _head, items, head, _count);
        _items = items;
        _head = head;
    }
}
