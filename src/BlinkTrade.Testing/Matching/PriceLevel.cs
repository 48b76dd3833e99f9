using System.Diagnostics;
using System.Runtime.InteropServices;
using BlinkTrade.Testing.Collections;

namespace BlinkTrade.Testing.Matching;

/// <summary>
/// The FIFO queue of order slots at one price, stored contiguously (<c>Slots[Head..Tail)</c>) rather than as a
/// linked list: fills pop the head in O(1), and a cancel finds its order with a vectorised search whose index is
/// also the order's rank in the level (needed for market-data positions), then closes the gap by moving the shorter side.
/// A struct stored in its side's dense level array, so reaching a level's head and tail costs no extra pointer chase.
/// Mutating members must be called on the array element (by reference), never on a copy.
/// </summary>
internal struct PriceLevel
{
    private int[] _slots;

    public PriceLevel(int capacity) => _slots = new int[Math.Max(capacity, 4)];

    public long Price { get; set; }

    public int Head { get; private set; }

    public int Tail { get; private set; }

    public readonly int Count => Tail - Head;

    public readonly int HeadSlot => _slots[Head];

    public readonly ReadOnlySpan<int> Orders => new(_slots, Head, Tail - Head);

    /// <summary>Appends an order at the back of the queue.</summary>
    public void Append(int slot)
    {
        if (Tail == _slots.Length)
        {
            if (Head > 0)
            {
                // Reuse the room freed by fills at the front before growing.
                Array.Copy(_slots, Head, _slots, 0, Count);
                Tail -= Head;
                Head = 0;
            }
            else
            {
                Array.Resize(ref _slots, _slots.Length * 2);
            }
        }

        _slots[Tail++] = slot;
    }

    /// <summary>Starts loading the queue entry the next <see cref="Append"/> writes.</summary>
    public readonly void PrefetchTail()
    {
        if (Tail < _slots.Length)
        {
            CachePrefetch.Read(ref _slots[Tail]);
        }
    }

    /// <summary>Starts loading the first <paramref name="entries"/> entries of the queue (16 per cache line), which a search from
    /// the front reads first and closing the gap rewrites.</summary>
    public readonly void PrefetchFront(int entries)
    {
        var slots = _slots;
        if (slots is null)
        {
            return;
        }

        for (var i = Head; i < Tail && i < Head + entries; i += 16)
        {
            CachePrefetch.Read(ref slots[i]);
        }
    }

    /// <summary>Removes the first order.</summary>
    public void RemoveHead()
    {
        Head++;
        if (Head == Tail)
        {
            Head = 0;
            Tail = 0;
        }
    }

    /// <summary>Removes <paramref name="slot"/> and returns its 0-based rank in the queue before removal.</summary>
    public int Remove(int slot)
    {
        // Ends first, without a search or a copy: in a thin book most levels hold one or two orders.
        if (_slots[Head] == slot)
        {
            RemoveHead();
            return 0;
        }

        var last = Tail - 1;
        if (_slots[last] == slot)
        {
            // Not also the head, so at least one order stays.
            Tail = last;
            return last - Head;
        }

        var rank = Orders.IndexOf(slot);
        if (rank < 0)
        {
            throw new InvalidOperationException("Order is not in its price level.");
        }

        var index = Head + rank;
        if (rank < Count - 1 - rank)
        {
            Array.Copy(_slots, Head, _slots, Head + 1, rank);
            Head++;
        }
        else
        {
            Array.Copy(_slots, index + 1, _slots, index, Tail - index - 1);
            Tail--;
        }

        if (Head == Tail)
        {
            Head = 0;
            Tail = 0;
        }

        return rank;
    }

    /// <summary>Makes the level the empty level at <paramref name="price"/> and appends <paramref name="slot"/>.</summary>
    /// <remarks>Writes the queue's first entry without reading the queue's length (a second line, often not cached when a level
    /// is reused): every queue has room for at least 4 entries (constructor), so entry 0 always exists.</remarks>
    public void ResetWith(long price, int slot)
    {
        Debug.Assert(_slots.Length >= 4, "Every queue has room for 4 entries.");
        Price = price;
        Head = 0;
        Tail = 1;
        MemoryMarshal.GetArrayDataReference(_slots) = slot;
    }

    /// <summary>Empties a level whose one order the caller knows it is removing: no queue read (its only entry is that order).</summary>
    public void RemoveOnly(int slot)
    {
        Debug.Assert(Count == 1 && _slots[Head] == slot, "The level's only order is the one removed.");
        Head = 0;
        Tail = 0;
    }

    public void Reset(long price)
    {
        Price = price;
        Head = 0;
        Tail = 0;
    }
}
