using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlinkTrade.Testing.Collections;

namespace BlinkTrade.Testing.Matching;

/// <summary>
/// Open orders by order id. The engine assigns ids sequentially, so an id's offset from the first id addresses its slot
/// directly — no hashing: the ids of orders placed together sit side by side (4 bytes each), the table is 4 bytes per id
/// of the live id range instead of a hash table's 16 bytes per entry at most half full, and a lookup is one load from a
/// page that is far more likely to be cached than a random hash bucket.
/// </summary>
/// <remarks>
/// Ids are grouped into pages of <see cref="PageSize"/> entries (slot + 1, 0 for none). A page exists while it holds open
/// orders and returns to a pool when its last one closes, so memory follows the ids still open, not every id ever
/// assigned. Pages are addressed through a ring indexed by page number: the window of page numbers it covers slides up as
/// the oldest pages empty, so in steady state (orders eventually close) the ring never grows and nothing is allocated.
/// </remarks>
internal sealed class OrderIdIndex
{
    /// <summary>log2 of the ids per page.</summary>
    private const int PageShift = 12;

    /// <summary>Ids per page (16 KB of entries).</summary>
    private const int PageSize = 1 << PageShift;

    private const int PageMask = PageSize - 1;

    private readonly long _firstId;

    /// <summary>Page <c>n</c> (ids <c>_firstId + n × PageSize …</c>) is at <c>_ring[n &amp; (_ring.Length − 1)]</c> while
    /// <see cref="_lowPage"/> ≤ n &lt; <see cref="_lowPage"/> + <c>_ring.Length</c>; null when it holds no open order.</summary>
    private int[]?[] _ring;

    /// <summary>Open orders per ring position.</summary>
    private int[] _live;

    /// <summary>Lowest page number the ring covers; every lower page is empty.</summary>
    private long _lowPage;

    /// <summary>Highest page number ever added: no page above it holds an open order.</summary>
    private long _highPage;

    private int[][] _freePages;
    private int _freePageCount;

    /// <summary>Creates an index for ids from <paramref name="firstId"/> on.</summary>
    /// <param name="firstId">The first id the engine assigns.</param>
    /// <param name="capacity">Ids expected to be open at once (sizes the ring).</param>
    public OrderIdIndex(long firstId, int capacity)
    {
        _firstId = firstId;

        // Room for the pages of twice the expected open range: ids stay open for a while after newer ones are assigned.
        var pages = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, (int)Math.Min(int.MaxValue / 2, ((long)capacity * 2 / PageSize) + 1)));
        _ring = new int[pages][];
        _live = new int[pages];

        // A page stays while any of its ids is open, so the pages in use span the open id range, which outlasts the open
        // order count when some orders rest for long (a deep book): pages for twice the capacity are made up front, so the
        // first commands after a large preload do not allocate them.
        var upFront = (int)Math.Min(pages, ((long)capacity * 2 / PageSize) + 1);
        _freePages = new int[Math.Max(upFront, 4)][];
        for (var i = 0; i < upFront; i++)
        {
            _freePages[_freePageCount++] = new int[PageSize];
        }
    }

    /// <summary>Open orders in the index.</summary>
    public int Count { get; private set; }

    /// <summary>Records that order <paramref name="id"/> (not yet in the index, not below the first id) is in <paramref name="slot"/>.</summary>
    public void Add(long id, int slot)
    {
        var offset = id - _firstId;
        var pageNumber = offset >> PageShift;
        Debug.Assert(offset >= 0, "Order ids start at the first id.");
        if (pageNumber >= _lowPage + _ring.Length || pageNumber < _lowPage)
        {
            MakeRoom(pageNumber);
        }

        if (pageNumber > _highPage)
        {
            _highPage = pageNumber;
        }

        var position = (int)pageNumber & (_ring.Length - 1);
        var page = _ring[position] ??= RentPage();
        Entry(page, offset) = slot + 1;
        _live[position]++;
        Count++;
    }

    /// <summary>The slot of open order <paramref name="id"/>; any id may be asked for.</summary>
    public bool TryGet(long id, out int slot)
    {
        // Unsigned: ids below the first one (or overflowing the subtraction) fall outside the window as huge page numbers.
        var pageNumber = (ulong)(id - _firstId) >> PageShift;
        if (pageNumber - (ulong)_lowPage < (ulong)_ring.Length && _ring[(int)pageNumber & (_ring.Length - 1)] is { } page)
        {
            slot = Entry(page, id - _firstId) - 1;
            return slot >= 0;
        }

        slot = -1;
        return false;
    }

    /// <summary>Starts loading the entry of <paramref name="id"/> (any id) without waiting for it: the page table is small and
    /// cached, the entry itself is a random line in a large book.</summary>
    public void PrefetchEntry(long id)
    {
        var pageNumber = (ulong)(id - _firstId) >> PageShift;
        if (pageNumber - (ulong)_lowPage < (ulong)_ring.Length && _ring[(int)pageNumber & (_ring.Length - 1)] is { } page)
        {
            CachePrefetch.Read(ref Entry(page, id - _firstId));
        }
    }

    /// <summary>Removes open order <paramref name="id"/> (which must be in the index).</summary>
    public void Remove(long id)
    {
        var offset = id - _firstId;
        var position = (int)(offset >> PageShift) & (_ring.Length - 1);
        var page = _ring[position]!;
        Entry(page, offset) = 0;
        Count--;
        if (--_live[position] == 0)
        {
            // Every entry is 0 again: the page can serve any other page number.
            _ring[position] = null;
            ReturnPage(page);
        }
    }

    /// <summary>Moves the window so that it covers <paramref name="pageNumber"/>: up past empty pages (the usual case: ids only
    /// grow), down when an id below it is added (every page below the window is empty), doubling the ring when an old order
    /// still open keeps the window from spanning both.</summary>
    private void MakeRoom(long pageNumber)
    {
        var mask = _ring.Length - 1;
        while (_lowPage < pageNumber && pageNumber >= _lowPage + _ring.Length && _ring[(int)_lowPage & mask] is null)
        {
            _lowPage++;
        }

        var low = Math.Min(_lowPage, pageNumber);
        var high = Math.Max(Math.Max(_highPage, pageNumber), _lowPage);
        if (high - low < _ring.Length)
        {
            // Ring positions of pages in [low, _lowPage) belong to numbers above the highest live page: all free.
            _lowPage = low;
            return;
        }

        var length = _ring.Length;
        while (high - low >= length)
        {
            length *= 2;
        }

        var ring = new int[length][];
        var live = new int[length];
        for (var number = _lowPage; number < _lowPage + _ring.Length; number++)
        {
            if (_ring[(int)number & mask] is { } page)
            {
                ring[(int)number & (length - 1)] = page;
                live[(int)number & (length - 1)] = _live[(int)number & mask];
            }
        }

        _ring = ring;
        _live = live;
        _lowPage = low;
    }

    /// <summary>The entry of the id <paramref name="offset"/> ids past the first in its page.</summary>
    /// <remarks>Unchecked: every page is made with <see cref="PageSize"/> entries (<see cref="RentPage"/>) and the index is masked
    /// below it, so the bounds check the indexer would add on every add, lookup and removal can never fail.</remarks>
    private static ref int Entry(int[] page, long offset)
    {
        Debug.Assert(page.Length == PageSize, "Pages hold PageSize entries.");
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(page), (int)offset & PageMask);
    }

    private int[] RentPage() => _freePageCount > 0 ? _freePages[--_freePageCount] : new int[PageSize];

    private void ReturnPage(int[] page)
    {
        if (_freePageCount == _freePages.Length)
        {
            Array.Resize(ref _freePages, _freePages.Length * 2);
        }

        _freePages[_freePageCount++] = page;
    }
}
