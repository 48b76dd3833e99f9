namespace BlinkTrade.Testing.Matching;

/// <summary>Outcome of a <see cref="CancelOrder"/> command.</summary>
internal enum CancelResult : byte
{
    /// <summary>The order was open and is now cancelled (one cancel execution report was written).</summary>
    Canceled = 0,

    /// <summary>No open order of the account matches (filled, cancelled, never rested, never existed, or another account's):
    /// nothing was written. The gateway answers with <c>ERROR</c> (PROTOCOL.md §5 G15).</summary>
    UnknownOrder = 1,
}
