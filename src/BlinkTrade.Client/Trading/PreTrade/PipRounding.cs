namespace BlinkTrade.Client.Trading;

/// <summary>How the pre-trade checks treat a price off the quote currency's <c>Pip</c> grid
/// (<see cref="PreTradeCheckOptions.PipRounding"/>).</summary>
public enum PipRounding
{
    /// <summary>
    /// Rounded to the pip so that the order's condition only ever gets stricter than asked, never looser: a buy
    /// limit down and a sell limit up (the limit is never worse than the caller's), a buy stop up and a sell stop
    /// down (the stop never triggers before the caller's price is reached). The execution reports then echo the
    /// rounded price, which is the price sent. The exchange itself floors every price (PROTOCOL.md §5 G32), which
    /// would raise a sell limit's worst price and trigger a buy stop early.
    /// </summary>
    NeverLooser = 0,

    /// <summary>A price off the grid is refused with <see cref="PreTradeCheckException"/>
    /// (<see cref="PreTradeCheckFailure.PriceOffPip"/>): what is sent is always exactly what the caller gave.</summary>
    Reject = 1,
}
