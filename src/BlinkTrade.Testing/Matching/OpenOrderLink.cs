namespace BlinkTrade.Testing.Matching;

/// <summary>Previous and next open order (slot) of the same account, -1 at the ends, and where the order rests.</summary>
internal struct OpenOrderLink
{
    public int Previous;
    public int Next;

    /// <summary>The price level the order rests at, as <see cref="MatchingEngine"/> packs it (-1: none or unknown). A hint: a cancel
    /// reads it with the link, in parallel with the order slot, and starts loading the level's queue (prefetching, and removing the
    /// order through <see cref="BookSide.Remove(int, long, int)"/>, which checks the level's price) before the slot (and so the
    /// order's price) has arrived. A stale hint costs a useless prefetch or a fallback to the price lookup, nothing more.</summary>
    public int LevelHint;
}
