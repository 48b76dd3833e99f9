namespace BlinkTrade.Testing.Matching;

/// <summary>Previous and next open order (slot) of the same account, -1 at the ends, and where the order rests.</summary>
internal struct OpenOrderLink
{
    public int Previous;
    public int Next;

    /// <summary>The price level the order rests at, as <see cref="MatchingEngine"/> packs it (-1: none or unknown). Only a hint
    /// for prefetching: a cancel reads it with the link, in parallel with the order slot, and starts loading the level's queue
    /// before the slot (and so the order's price) has arrived. A stale hint costs a useless prefetch, nothing more.</summary>
    public int LevelHint;
}
