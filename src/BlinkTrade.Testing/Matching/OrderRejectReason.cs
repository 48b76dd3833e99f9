namespace BlinkTrade.Testing.Matching;

/// <summary>Why an order was rejected: the FIX 4.4 <c>OrdRejReason</c> (tag 103) codes of PROTOCOL.md §1.3.</summary>
internal enum OrderRejectReason : sbyte
{
    /// <summary>Not a reject (the field is absent on the wire).</summary>
    None = -1,

    /// <summary><c>"0"</c> broker / exchange option.</summary>
    BrokerOption = 0,

    /// <summary><c>"1"</c> unknown symbol.</summary>
    UnknownSymbol = 1,

    /// <summary><c>"2"</c> exchange closed.</summary>
    ExchangeClosed = 2,

    /// <summary><c>"3"</c> order exceeds limit: insufficient available balance, below the minimum size, or a post-only order that would take.</summary>
    OrderExceedsLimit = 3,

    /// <summary><c>"4"</c> too late to enter.</summary>
    TooLateToEnter = 4,

    /// <summary><c>"5"</c> unknown order.</summary>
    UnknownOrder = 5,

    /// <summary><c>"6"</c> duplicate order: the ClOrdID is already used by one of the user's open orders.</summary>
    DuplicateOrder = 6,

    /// <summary><c>"99"</c> other: malformed price, quantity, type or time in force.</summary>
    Other = 99,
}
