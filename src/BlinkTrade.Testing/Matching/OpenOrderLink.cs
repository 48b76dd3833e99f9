namespace BlinkTrade.Testing.Matching;

/// <summary>Previous and next open order (slot) of the same account, -1 at the ends.</summary>
internal struct OpenOrderLink
{
    public int Previous;
    public int Next;
}
