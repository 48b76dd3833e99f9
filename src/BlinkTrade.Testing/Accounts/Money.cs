using System.Numerics;
using System.Runtime.CompilerServices;

namespace BlinkTrade.Testing.Accounts;

/// <summary>The exchange's money arithmetic on satoshi integers (1e8-scaled): notional and fees, floored, overflow-safe.</summary>
internal static class Money
{
    /// <summary>Satoshis per unit: prices are quote satoshis per whole base unit.</summary>
    public const long Satoshi = 100_000_000;

    /// <summary><c>floor(price × quantity / 1e8)</c> for non-negative operands, without overflow in the product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Notional(long price, long quantity) =>
        FitsInt64(price, quantity) ? price * quantity / Satoshi : WideNotional(price, quantity);

    /// <summary>Whether <see cref="Notional"/> of positive operands fits in a <see cref="long"/>.</summary>
    public static bool NotionalFits(long price, long quantity) =>
        FitsInt64(price, quantity) || (Math.BigMul(price, quantity, out long low) == 0 && low >= 0) || (Int128)price * quantity / Satoshi <= long.MaxValue;

    /// <summary>Whether the product of two non-negative operands surely fits in 63 bits, told by their bit lengths alone
    /// (<c>a &lt; 2^(64 − lz(a))</c>, so the product is below <c>2^(128 − lz(a) − lz(b))</c>). Realistic prices and quantities always
    /// pass (a price of 10^13 satoshi has 44 bits, a quantity of 10^9 satoshi 30): two <c>lzcnt</c>s and an add, where
    /// <see cref="Math.BigMul(long, long, out long)"/> costs a sign correction and a round trip of its low half through the stack
    /// (and makes the caller zero that stack slot on entry) on the fill and placement paths. A negative operand has no leading zeros
    /// and so never passes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool FitsInt64(long a, long b) =>
        BitOperations.LeadingZeroCount((ulong)a) + BitOperations.LeadingZeroCount((ulong)b) >= 65;

    /// <summary><see cref="Notional"/> of operands whose product may not fit in 63 bits (never for realistic orders).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long WideNotional(long price, long quantity)
    {
        var high = Math.BigMul(price, quantity, out long low);
        return high == 0 && low >= 0 ? low / Satoshi : (long)((Int128)price * quantity / Satoshi);
    }

    /// <summary><c>floor(amount × bps / 10,000)</c>.</summary>
    public static long Fee(long amount, int bps) =>
        bps == 0 ? 0
        : amount <= long.MaxValue / 10_000 ? amount * bps / 10_000 // the product fits in 64 bits: no Int128 division (a software routine)
        : WideFee(amount, bps);

    /// <summary><see cref="Fee"/> of an amount whose product with the rate may not fit in 64 bits (out of line: the fill inlines
    /// <see cref="Fee"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long WideFee(long amount, int bps) => (long)((Int128)amount * bps / 10_000);

    /// <summary>Whether <paramref name="available"/> quote pays for <paramref name="quantity"/> at <paramref name="price"/>, i.e.
    /// <c><see cref="QuantityFor"/>(available, price) ≥ quantity</c>, decided without a 128-bit division when the product fits
    /// in 63 bits (<c>floor(a × 1e8 / p) ≥ q ⇔ a ≥ ⌈p × q / 1e8⌉</c>); <see langword="false"/> when it cannot tell cheaply.</summary>
    public static bool Pays(long available, long price, long quantity)
    {
        if (FitsInt64(price, quantity))
        {
            var product = price * quantity;
            return available >= (product / Satoshi) + (product % Satoshi != 0 ? 1 : 0);
        }

        var high = Math.BigMul(price, quantity, out long low);
        return high == 0 && low >= 0 && available >= (low / Satoshi) + (low % Satoshi != 0 ? 1 : 0);
    }

    /// <summary>How much base (at most <see cref="long.MaxValue"/>) <paramref name="quote"/> buys at <paramref name="price"/>, floored.</summary>
    public static long QuantityFor(long quote, long price) => (long)Int128.Min((Int128)quote * Satoshi / price, long.MaxValue);
}
