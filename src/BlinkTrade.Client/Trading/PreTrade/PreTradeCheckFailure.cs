namespace BlinkTrade.Client.Trading;

/// <summary>Which pre-trade check an order failed (<see cref="PreTradeCheckException.Failure"/>).</summary>
public enum PreTradeCheckFailure
{
    /// <summary>Not said (an exception made with one of the general constructors).</summary>
    Unspecified = 0,

    /// <summary>The symbol is not in the exchange's instrument list (read again once before refusing).</summary>
    UnknownSymbol = 1,

    /// <summary>The side is neither buy nor sell (the only sides the exchange accepts).</summary>
    InvalidSide = 2,

    /// <summary>The order type is not one the exchange executes (market, limit, stop, stop-limit).</summary>
    UnsupportedOrderType = 3,

    /// <summary>Post-only (<c>ExecInst</c> 6) on an order that is not a limit order.</summary>
    PostOnlyNotLimit = 4,

    /// <summary>The price is off the <c>Pip</c> grid and <see cref="PipRounding.Reject"/> is set.</summary>
    PriceOffPip = 5,

    /// <summary>The price is below one pip: rounding it would leave no price.</summary>
    PriceBelowPip = 6,

    /// <summary>The quantity is below the instrument's minimum.</summary>
    QuantityBelowMinimum = 7,

    /// <summary>The exchange refused the instrument list request, or sent no list within the order's request timeout, so
    /// the order could not be checked (and was not sent).</summary>
    InstrumentsUnavailable = 8,
}
