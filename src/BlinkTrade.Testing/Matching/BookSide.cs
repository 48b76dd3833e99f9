using System.Diagnostics;
using System.Numerics;

namespace BlinkTrade.Testing.Matching;

/// <summary>
/// One side of a book, indexed directly by price tick: a tick's level is found, created and removed in O(1), with no
/// search and no shifting of neighbouring levels (a live book keeps creating and emptying levels near the touch).
/// Ticks are grouped into <see cref="BookPage"/>s of 4,096 ticks that exist only while they hold orders, kept in a short
/// array sorted by page number, so any spread of prices works and memory follows the occupied price range.
/// Prices map to a sort key (bids: +tick, asks: −tick) that ascends towards the <b>best</b> price.
/// An order's market-data position (the orders at better prices) is the sum of the order counts of the better ticks
/// in its block, of the better blocks in its page (per-block sums) and of the better pages (per-page totals), each
/// summed only up to the best occupied entry the occupancy bitmaps point at.
/// </summary>
internal sealed class BookSide
{
    private readonly bool _isBid;
    private readonly long _tickSize;

    /// <summary>The tick is <c>odd part × 2^_tickShift</c>; <see cref="_tickInverse"/> is the odd part's inverse modulo 2^64.</summary>
    private readonly int _tickShift;
    private readonly ulong _tickInverse;
    private readonly int _ordersPerLevel;

    /// <summary>Whether <see cref="Add(int, long, out int)"/> and <see cref="Remove"/> compute market-data positions (0 is returned otherwise).</summary>
    private readonly bool _positions;

    /// <summary>Pages holding orders, by ascending page number (best page last).</summary>
    private BookPage[] _pages = new BookPage[4];
    private int _pageCount;

    /// <summary>Emptied pages kept for reuse, so a book whose prices move allocates nothing in steady state.</summary>
    private BookPage[] _freePages = new BookPage[4];
    private int _freePageCount;

    /// <summary>Every price level ever created on this side, by id; free ids are reused.</summary>
    private PriceLevel[] _store;
    private int[] _freeIds;
    private int _freeCount;
    private int _storeCount;

    /// <summary>Sort key and level id of the best level (valid while <see cref="LevelCount"/> &gt; 0).</summary>
    private long _bestKey;
    private int _bestId;

    public BookSide(bool isBid, int levelCapacity = 0, int ordersPerLevel = 8, long tickSize = 1, bool positions = true)
    {
        _positions = positions;
        ArgumentOutOfRangeException.ThrowIfLessThan(tickSize, 1);
        _isBid = isBid;
        _tickSize = tickSize;
        _tickShift = BitOperations.TrailingZeroCount(tickSize);
        var odd = (ulong)tickSize >> _tickShift;
        _tickInverse = odd;
        for (var i = 0; i < 5; i++)
        {
            // Newton's iteration doubles the correct low bits: 3 (any odd x is its own inverse mod 8) → 6 → … → 96 ≥ 64.
            _tickInverse *= 2 - (odd * _tickInverse);
        }
        _ordersPerLevel = ordersPerLevel;
        _store = new PriceLevel[Math.Max(levelCapacity, 16)];
        _freeIds = new int[_store.Length];
        for (var i = 0; i < levelCapacity; i++)
        {
            _store[i] = new PriceLevel(ordersPerLevel);
            _freeIds[_freeCount++] = levelCapacity - 1 - i;
        }

        _storeCount = levelCapacity;
        if (levelCapacity > 0)
        {
            // A pre-sized book gets its first pages up front as well (a book near a page boundary straddles two).
            _freePages[_freePageCount++] = new BookPage();
            _freePages[_freePageCount++] = new BookPage();
        }
    }

    public int LevelCount { get; private set; }

    /// <summary>Orders on this side (all visible: hidden orders never rest).</summary>
    public int OrderCount { get; private set; }

    /// <summary>The best level; only valid while <see cref="LevelCount"/> &gt; 0.</summary>
    public ref PriceLevel BestLevel => ref _store[_bestId];

    /// <summary>The level with id <paramref name="id"/> (from <see cref="FirstLevel"/> / <see cref="NextWorseLevel"/>).</summary>
    public ref PriceLevel Level(int id) => ref _store[id];

    /// <summary>Starts a walk from the best level to the worst: the best level's id, or -1 when the side is empty.</summary>
    /// <param name="cursor">Position of the walk, passed on to <see cref="NextWorseLevel"/>.</param>
    public int FirstLevel(out long cursor)
    {
        cursor = _bestKey;
        return LevelCount > 0 ? _bestId : -1;
    }

    /// <summary>The id of the next worse level after <paramref name="cursor"/> (advanced to it), or -1 at the end.
    /// The side must not change during a walk.</summary>
    public int NextWorseLevel(ref long cursor)
    {
        var pageIndex = FindPage(cursor >> BookPage.Shift);
        var page = _pages[pageIndex];
        var offset = (int)(cursor & BookPage.Mask);
        var block = offset >> BookPage.BlockShift;

        // Lower ticks of the same block, then lower blocks of the page, then the next worse page.
        var below = page.Occupied[block] & ((1UL << offset) - 1);
        if (below == 0)
        {
            var blocksBelow = page.OccupiedBlocks & ((1UL << block) - 1);
            if (blocksBelow != 0)
            {
                block = 63 - BitOperations.LeadingZeroCount(blocksBelow);
                below = page.Occupied[block];
            }
            else if (pageIndex > 0)
            {
                page = _pages[pageIndex - 1];
                block = 63 - BitOperations.LeadingZeroCount(page.OccupiedBlocks);
                below = page.Occupied[block];
            }
            else
            {
                return -1;
            }
        }

        offset = (block << BookPage.BlockShift) + 63 - BitOperations.LeadingZeroCount(below);
        cursor = (page.Number << BookPage.Shift) + offset;
        return page.LevelIds[offset];
    }

    /// <summary>Adds an order at the back of its price and returns its 1-based position within the side (0 without positions).</summary>
    public int Add(int slot, long price) => Add(slot, price, out _);

    /// <summary>Adds an order at the back of its price; returns its 1-based position (0 without positions) and the id of its level.</summary>
    public int Add(int slot, long price, out int levelId)
    {
        var key = Key(price);
        var pageIndex = FindPage(key >> BookPage.Shift);
        if (pageIndex < 0)
        {
            pageIndex = ~pageIndex;
            InsertPage(pageIndex, key >> BookPage.Shift);
        }

        var page = _pages[pageIndex];
        var offset = (int)(key & BookPage.Mask);
        var block = offset >> BookPage.BlockShift;
        int id;
        ref var count = ref page.Counts[offset];
        if (count == 0)
        {
            id = RentLevel();
            _store[id].ResetWith(price, slot);
            page.LevelIds[offset] = id;
            page.Occupied[block] |= 1UL << offset;
            page.OccupiedBlocks |= 1UL << block;
            if (LevelCount == 0 || key > _bestKey)
            {
                _bestKey = key;
                _bestId = id;
            }

            LevelCount++;
        }
        else
        {
            id = page.LevelIds[offset];
            _store[id].Append(slot);
        }

        levelId = id;
        count++;
        page.BlockSums[block]++;
        page.OrderCount++;
        OrderCount++;
        return _positions ? OrdersBetterThan(pageIndex, page, offset) + count : 0;
    }

    /// <summary>Starts loading the queue entry an order resting at <paramref name="price"/> would be appended to, when that
    /// price has a level (the level's queue is the one part of <see cref="Add(int, long, out int)"/> likely to miss the cache in a
    /// deep book). Any price is accepted, unvalidated: one that is not a multiple of the tick prefetches some other level.</summary>
    public void PrefetchAdd(long price)
    {
        var key = AnyKey(price);
        var pageIndex = FindPage(key >> BookPage.Shift);
        if (pageIndex < 0)
        {
            return;
        }

        var page = _pages[pageIndex];
        var offset = (int)(key & BookPage.Mask);
        if (page.Counts[offset] != 0)
        {
            _store[page.LevelIds[offset]].PrefetchTail();
        }
    }

    /// <summary>Starts loading the front of the queue of level <paramref name="levelId"/> (any value: a hint), where a cancel's
    /// search for its order begins.</summary>
    public void PrefetchLevel(int levelId, int entries)
    {
        if ((uint)levelId < (uint)_storeCount)
        {
            _store[levelId].PrefetchFront(entries);
        }
    }

    /// <summary>Removes a resting order and returns its 1-based position before removal (0 without positions).</summary>
    public int Remove(int slot, long price)
    {
        var key = Key(price);
        var pageIndex = FindPage(key >> BookPage.Shift);
        var offset = (int)(key & BookPage.Mask);
        var page = pageIndex >= 0 ? _pages[pageIndex] : null;
        var count = page is null ? 0 : page.Counts[offset];
        if (count == 0)
        {
            throw new InvalidOperationException("Order price has no level.");
        }

        var id = page!.LevelIds[offset];
        ref var level = ref _store[id];
        int rank;
        if (count == 1)
        {
            // The tick's count says the order is its level's only one (about half the cancels in a thin book): the level
            // empties without its queue being read.
            level.RemoveOnly(slot);
            rank = 0;
        }
        else
        {
            rank = level.Remove(slot);
        }

        var position = _positions ? OrdersBetterThan(pageIndex, page, offset) + rank + 1 : 0;
        RemovedOne(pageIndex, page, offset, id, key, count - 1);
        return position;
    }

    /// <summary>Removes the first order of the best level (it was filled or cancelled while matching).</summary>
    public void RemoveBestHead()
    {
        ref var level = ref _store[_bestId];
        level.RemoveHead();
        var pageIndex = _pageCount - 1;
        RemovedOne(pageIndex, _pages[pageIndex], (int)(_bestKey & BookPage.Mask), _bestId, _bestKey, level.Count);
    }

    /// <summary>Counts one order less at a tick; drops the level (and the page) when it is left empty.</summary>
    private void RemovedOne(int pageIndex, BookPage page, int offset, int id, long key, int levelCount)
    {
        var block = offset >> BookPage.BlockShift;
        page.Counts[offset]--;
        page.BlockSums[block]--;
        page.OrderCount--;
        OrderCount--;
        if (levelCount != 0)
        {
            return;
        }

        _freeIds[_freeCount++] = id;
        LevelCount--;
        if ((page.Occupied[block] &= ~(1UL << offset)) == 0)
        {
            page.OccupiedBlocks &= ~(1UL << block);
        }

        if (page.OrderCount == 0)
        {
            RemovePage(pageIndex);
        }

        if (key == _bestKey && LevelCount > 0)
        {
            // The new best is the highest occupied tick of the (possibly new) last page.
            var best = _pages[_pageCount - 1];
            var bestBlock = 63 - BitOperations.LeadingZeroCount(best.OccupiedBlocks);
            var bestOffset = (bestBlock << BookPage.BlockShift) + 63 - BitOperations.LeadingZeroCount(best.Occupied[bestBlock]);
            _bestKey = (best.Number << BookPage.Shift) + bestOffset;
            _bestId = best.LevelIds[bestOffset];
        }
    }

    /// <summary>Orders at ticks better than <paramref name="offset"/> of the page at <paramref name="pageIndex"/>.</summary>
    /// <remarks>Ticks without a level and blocks without an order count 0, so both partial sums simply run to the end of their
    /// 64-entry run: whole vectors, one masked at the start, no scalar tail and a single horizontal add.</remarks>
    private int OrdersBetterThan(int pageIndex, BookPage page, int offset)
    {
        var block = offset >> BookPage.BlockShift;
        var acc = SumToEnd(page.Counts, offset + 1, (block + 1) << BookPage.BlockShift) +
            SumToEnd(page.BlockSums, block + 1, BookPage.Blocks);
        var sum = Vector.Sum(acc);

        // Better pages.
        for (var i = pageIndex + 1; i < _pageCount; i++)
        {
            sum += _pages[i].OrderCount;
        }

        return sum;
    }

    /// <summary>Lane-wise sum of <c>values[start..end)</c>; <paramref name="end"/> is a multiple of 64 (so of the vector width).</summary>
    private static Vector<int> SumToEnd(ReadOnlySpan<int> values, int start, int end)
    {
        var width = Vector<int>.Count;
        var first = start & -width;
        if (first >= end)
        {
            return Vector<int>.Zero;
        }

        // The first vector may begin before start: zero its lanes below start.
        var keep = Vector.GreaterThanOrEqual(Vector<int>.Indices + new Vector<int>(first), new Vector<int>(start));
        var acc = Vector.ConditionalSelect(keep, new Vector<int>(values[first..]), Vector<int>.Zero);
        for (var i = first + width; i < end; i += width)
        {
            acc += new Vector<int>(values[i..]);
        }

        return acc;
    }

    private void InsertPage(int index, long number)
    {
        if (_pageCount == _pages.Length)
        {
            Array.Resize(ref _pages, _pages.Length * 2);
        }

        var page = _freePageCount > 0 ? _freePages[--_freePageCount] : new BookPage();
        page.Number = number;
        Array.Copy(_pages, index, _pages, index + 1, _pageCount - index);
        _pages[index] = page;
        _pageCount++;
    }

    /// <summary>Returns the (empty, hence all-zero) page at <paramref name="index"/> to the pool.</summary>
    private void RemovePage(int index)
    {
        if (_freePageCount == _freePages.Length)
        {
            Array.Resize(ref _freePages, _freePages.Length * 2);
        }

        _freePages[_freePageCount++] = _pages[index];
        _pageCount--;
        Array.Copy(_pages, index + 1, _pages, index, _pageCount - index);
        _pages[_pageCount] = null!;
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

    /// <summary>Index of the page numbered <paramref name="number"/>, or the complement of its insertion point.</summary>
    /// <remarks>The best page is checked first: in a live book almost every order is on it.</remarks>
    private int FindPage(long number)
    {
        var count = _pageCount;
        if (count == 0)
        {
            return ~0;
        }

        var pages = _pages;
        if (pages[count - 1].Number == number)
        {
            return count - 1;
        }

        var low = 0;
        var high = count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var found = pages[mid].Number;
            if (found == number)
            {
                return mid;
            }

            if (found < number)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return ~low;
    }

    /// <summary>Sort key: the price in ticks, negated for asks, so that ascending keys approach the best price.</summary>
    /// <remarks>Resting prices are positive multiples of the tick (validated on entry), so the division is exact and done as
    /// a shift and a multiplication by the inverse of the tick's odd part — no divide instruction on every add and cancel.</remarks>
    private long Key(long price)
    {
        Debug.Assert(price > 0 && price % _tickSize == 0, "Book prices are positive multiples of the tick.");
        return AnyKey(price);
    }

    /// <summary><see cref="Key"/> of any price: a price that is not a multiple of the tick gives some other key (for hints only).</summary>
    private long AnyKey(long price)
    {
        var ticks = (long)(((ulong)price >> _tickShift) * _tickInverse);
        return _isBid ? ticks : -ticks;
    }
}
