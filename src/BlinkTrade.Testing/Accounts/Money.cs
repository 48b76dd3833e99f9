namespace BlinkTrade.Testing.Accounts;

/// <summary>The exchange's money arithmetic on satoshi integers (1e8-scaled): notional and fees, floored, overflow-safe.</summary>
internal static class Money
{
    /// <summary>Satoshis per unit: prices are quote satoshis per whole base unit.</summary>
    public const long Satoshi = 100_000_000;

    /// <summary><c>floor(price × quantity / 1e8)</c> for non-negative operands, without overflow in the product.</summary>
    public static long Notional(long price, long quantity)
    {
        // Fast path: the 128-bit product fits in 63 bits (always, for realistic orders); Int128 division is far slower.
        var high = Math.BigMul(price, quantity, out long low);
        return high == 0 && low >= 0 ? low / Satoshi : (long)((Int128)price * quantity / Satoshi);
    }

    /// <summary>Whether <see cref="Notional"/> of positive operands fits in a <see cref="long"/>.</summary>
    public static bool NotionalFits(long price, long quantity) =>
        (Math.BigMul(price, quantity, out long low) == 0 && low >= 0) || (Int128)price * quantity / Satoshi <= long.MaxValue;

    /// <summary><c>floor(amount × bps / 10,000)</c>.</summary>
    public static long Fee(long amount, int bps) =>
        bps == 0 ? 0
        : amount <= long.MaxValue / 10_000 ? amount * bps / 10_000 // the product fits in 64 bits: no Int128 division (a software routine)
        : (long)((Int128)amount * bps / 10_000);

    /// <summary>Whether <paramref name="available"/> quote pays for <paramref name="quantity"/> at <paramref name="price"/>, i.e.
    /// <c><see cref="QuantityFor"/>(available, price) ≥ quantity</c>, decided without a 128-bit division when the product fits
    /// in 63 bits (<c>floor(a × 1e8 / p) ≥ q ⇔ a ≥ ⌈p × q / 1e8⌉</c>); <see langword="false"/> when it cannot tell cheaply.</summary>
    public static bool Pays(long available, long price, long quantity)
    {
        var high = Math.BigMul(price, quantity, out long low);
        return high == 0 && low >= 0 && available >= (low / Satoshi) + (low % Satoshi != 0 ? 1 : 0);
    }

    /// <summary>How much base (at most <see cref="long.MaxValue"/>) <paramref name="quote"/> buys at <paramref name="price"/>, floored.</summary>
    public static long QuantityFor(long quote, long price) => (long)Int128.Min((Int128)quote * Satoshi / price, long.MaxValue);
}
