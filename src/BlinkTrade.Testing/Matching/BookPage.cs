namespace BlinkTrade.Testing.Matching;

/// <summary>
/// A run of <see cref="Size"/> consecutive price ticks of one book side, indexed directly by tick offset: the level at
/// each tick, its order count, and occupancy bitmaps (one bit per tick, one bit per 64-tick block) that find the next
/// occupied tick with a leading-zero count instead of a search. Offsets ascend towards the better price.
/// Pages are pooled by their <see cref="BookSide"/>; a pooled page is all zero except for stale <see cref="LevelIds"/>,
/// which are only read where <see cref="Counts"/> is non-zero.
/// The per-tick and per-block tables are inline arrays (fields of the page, not arrays of their own): every add and cancel
/// touches four of them, and each would otherwise be a dependent load of the array reference and a bounds check first.
/// </summary>
internal sealed class BookPage
{
    /// <summary>log2 of the ticks per block (one <see cref="ulong"/> of occupancy bits).</summary>
    public const int BlockShift = 6;

    /// <summary>log2 of the ticks per page: 64 blocks, so <see cref="OccupiedBlocks"/> is one <see cref="ulong"/>.</summary>
    public const int Shift = 12;

    /// <summary>Ticks per page.</summary>
    public const int Size = 1 << Shift;

    /// <summary>Tick offset mask.</summary>
    public const int Mask = Size - 1;

    /// <summary>Blocks per page.</summary>
    public const int Blocks = Size >> BlockShift;

    /// <summary>Level id (in the side's level store) at each tick; valid only where <see cref="Counts"/> is non-zero.</summary>
    public TickArray<int> LevelIds;

    /// <summary>Orders at each tick (0: no level).</summary>
    public TickArray<int> Counts;

    /// <summary>Orders in each 64-tick block.</summary>
    public BlockArray<int> BlockSums;

    /// <summary>Bit <c>t</c> of word <c>b</c>: tick <c>b × 64 + t</c> has a level.</summary>
    public BlockArray<ulong> Occupied;

    /// <summary>Bit <c>b</c>: block <c>b</c> has a level.</summary>
    public ulong OccupiedBlocks;

    /// <summary>Orders in the page.</summary>
    public int OrderCount;

    /// <summary>Page number: the tick key of offset 0 is <c>Number &lt;&lt; Shift</c>.</summary>
    public long Number;
}
