namespace BlinkTrade.Testing.Matching.Replay;

/// <summary>Kind of a benchmark-stream line (bench/FORMAT.md §2).</summary>
internal enum StreamCommandKind : byte
{
    /// <summary><c>P</c>: limit order (GTC, IOC or FOK).</summary>
    Limit,

    /// <summary><c>K</c>: market order.</summary>
    Market,

    /// <summary><c>C</c>: cancel.</summary>
    Cancel,
}
