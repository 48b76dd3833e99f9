namespace BlinkTrade.Testing.Matching;

/// <summary>What an execution report reports. The numeric values equal the wire codes of <c>ExecType</c>.</summary>
internal enum ExecType : byte
{
    /// <summary>New (<c>"0"</c>): accepted, nothing executed yet.</summary>
    New = 0,

    /// <summary>Partial fill (<c>"1"</c>).</summary>
    PartiallyFilled = 1,

    /// <summary>Fill (<c>"2"</c>): the order is completely executed.</summary>
    Filled = 2,

    /// <summary>Cancelled (<c>"4"</c>).</summary>
    Canceled = 4,

    /// <summary>Rejected (<c>"8"</c>).</summary>
    Rejected = 8,
}
