using System.Runtime.CompilerServices;
using BlinkTrade.Testing.Collections;

namespace BlinkTrade.Testing.Matching;

/// <summary>Pool of <see cref="OrderSlot"/>s in one array with a free list; slots are reused, so steady state allocates nothing.</summary>
internal sealed class OrderStore
{
    private OrderSlot[] _slots;

    /// <summary>Per-account open-order list links, kept apart from the (large) slots so walking and relinking
    /// neighbours touches a dense array instead of pulling whole order slots into the cache.</summary>
    private OpenOrderLink[] _links;
    private int _freeHead = -1;
    private int _used;

    public OrderStore(int capacity)
    {
        _slots = new OrderSlot[Math.Max(capacity, 16)];
        _links = new OpenOrderLink[_slots.Length];
    }

    /// <summary>Slots currently allocated.</summary>
    public int LiveCount { get; private set; }

    /// <summary>The slot. The reference is invalidated by <see cref="Allocate"/> (the array may grow).</summary>
    public ref OrderSlot this[int slot] => ref _slots[slot];

    /// <summary>The account-list link of the slot.</summary>
    public ref OpenOrderLink Link(int slot) => ref _links[slot];

    /// <summary>Starts loading the slot's account-list link: it is addressed by the slot number alone, so its miss can overlap
    /// the slot's own.</summary>
    public void PrefetchLink(int slot) => CachePrefetch.Read(ref _links[slot]);

    /// <summary>Starts loading the slot and its link (any slot number: a hint). A 128-byte slot spans two or three cache lines
    /// (arrays are only 8-byte aligned), so its first, middle and last bytes are requested.</summary>
    public void PrefetchSlot(int slot)
    {
        if ((uint)slot < (uint)_slots.Length)
        {
            ref var start = ref Unsafe.As<OrderSlot, byte>(ref _slots[slot]);
            CachePrefetch.Read(ref start);
            CachePrefetch.Read(ref Unsafe.Add(ref start, 64));
            CachePrefetch.Read(ref Unsafe.Add(ref start, Unsafe.SizeOf<OrderSlot>() - 1));
            CachePrefetch.Read(ref _links[slot]);
        }
    }

    /// <summary>Starts loading the links of the slot's neighbours in its account list (which unlinking rewrites), without
    /// waiting for them: -1 ends prefetch slot 0, harmlessly.</summary>
    public void PrefetchNeighbourLinks(int slot)
    {
        ref var link = ref _links[slot];
        CachePrefetch.Read(ref _links[Math.Max(link.Previous, 0)]);
        CachePrefetch.Read(ref _links[Math.Max(link.Next, 0)]);
    }

    public int Allocate()
    {
        int slot;
        if (_freeHead >= 0)
        {
            slot = _freeHead;
            ref var order = ref _slots[slot];
            _freeHead = order.NextFree;
            order = default;
        }
        else
        {
            if (_used == _slots.Length)
            {
                Array.Resize(ref _slots, _slots.Length * 2);
                Array.Resize(ref _links, _slots.Length);
            }

            slot = _used++;
        }

        LiveCount++;
        return slot;
    }

    public void Free(int slot)
    {
        // Not cleared until allocated again: the command's execution reports are built from the slot after it closed
        // (EngineEventBuffer.ExecutionReports), and only the next command allocates.
        _slots[slot].NextFree = _freeHead;
        _freeHead = slot;
        LiveCount--;
    }
}
