namespace BlinkTrade.Testing.Accounts;

/// <summary>Trading fee rates in basis points (PROTOCOL.md §3.7: 60 = 0.60 %). Maker = resting order, taker = incoming order.</summary>
/// <remarks>A <see langword="null"/> rate falls back: taker to maker of the same level, user to broker.</remarks>
internal readonly record struct FeeRates
{
    /// <summary>Maker rate for buys (<c>TransactionFeeBuy</c>).</summary>
    public int? MakerBuyBps { get; init; }

    /// <summary>Maker rate for sells (<c>TransactionFeeSell</c>).</summary>
    public int? MakerSellBps { get; init; }

    /// <summary>Taker rate for buys (<c>TakerTransactionFeeBuy</c>); <see langword="null"/> means the maker rate.</summary>
    public int? TakerBuyBps { get; init; }

    /// <summary>Taker rate for sells (<c>TakerTransactionFeeSell</c>); <see langword="null"/> means the maker rate.</summary>
    public int? TakerSellBps { get; init; }

    /// <summary>The same rate for everything.</summary>
    /// <param name="bps">Rate in basis points.</param>
    /// <returns>The rates.</returns>
    public static FeeRates Flat(int bps) => new() { MakerBuyBps = bps, MakerSellBps = bps, TakerBuyBps = bps, TakerSellBps = bps };
}
