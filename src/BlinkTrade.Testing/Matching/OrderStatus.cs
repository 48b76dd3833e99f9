namespace BlinkTrade.Testing.Matching;

/// <summary>Order state after an event. The numeric values equal the wire codes of <c>OrdStatus</c>.</summary>
internal enum OrderStatus : byte
{
    /// <summary>New (<c>"0"</c>): open with nothing executed (also an untriggered stop order).</summary>
    New = 0,

    /// <summary>Partially filled (<c>"1"</c>): open with something executed.</summary>
    PartiallyFilled = 1,

    /// <summary>Filled (<c>"2"</c>).</summary>
    Filled = 2,

    /// <summary>Cancelled (<c>"4"</c>): closed with <c>CumQty &lt; OrderQty</c>.</summary>
    Canceled = 4,

    /// <summary>Rejected (<c>"8"</c>).</summary>
    Rejected = 8,
}
