namespace BlinkTrade.Client.Protocol;

/// <summary>
/// Exact conversions between BlinkTrade wire integers (values scaled by 1e8, "satoshis") and <see cref="decimal"/>.
/// Every price, quantity, amount, balance, fee amount and volume on the wire uses this scale, fiat included.
/// </summary>
/// <remarks>Floating point is never involved: <see cref="decimal"/> holds every 1e8-scaled <see cref="long"/> exactly.</remarks>
public static class FixedPoint8
{
    /// <summary>The wire scale: one unit is 100,000,000 satoshis.</summary>
    public const long Scale = 100_000_000L;

    /// <summary>Number of decimal places a wire value carries.</summary>
    public const int Decimals = 8;

    /// <summary>Converts a wire integer to its exact decimal value (<c>satoshis / 1e8</c>).</summary>
    /// <param name="satoshis">The 1e8-scaled wire value.</param>
    /// <returns>The decimal value.</returns>
    public static decimal ToDecimal(long satoshis) => new decimal(satoshis) / Scale;

    /// <summary>Converts a decimal to the wire integer, requiring it to be representable exactly (at most 8 decimals).</summary>
    /// <param name="value">The decimal value, e.g. <c>620.5</c>.</param>
    /// <returns>The 1e8-scaled integer.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> has more than 8 significant decimal places.</exception>
    /// <exception cref="OverflowException">The scaled value does not fit in a signed 64-bit integer.</exception>
    public static long FromDecimal(decimal value)
    {
        var scaled = ScaleChecked(value);
        if (decimal.Truncate(scaled) != scaled)
        {
            throw new ArgumentException($"{value} has more than {Decimals} decimal places and cannot be represented exactly on the wire; round it first or use the overload that takes a MidpointRounding.", nameof(value));
        }
        return decimal.ToInt64(scaled);
    }

    /// <summary>Converts a decimal to the wire integer, rounding to 8 decimals with <paramref name="rounding"/>.</summary>
    /// <param name="value">The decimal value.</param>
    /// <param name="rounding">How to round values with more than 8 decimals.</param>
    /// <returns>The 1e8-scaled integer.</returns>
    /// <exception cref="OverflowException">The scaled value does not fit in a signed 64-bit integer.</exception>
    public static long FromDecimal(decimal value, MidpointRounding rounding)
    {
        var scaled = decimal.Round(ScaleChecked(value), 0, rounding);
        return decimal.ToInt64(scaled);
    }

    /// <summary>Tries to convert a decimal to the wire integer exactly.</summary>
    /// <param name="value">The decimal value.</param>
    /// <param name="satoshis">The 1e8-scaled integer when the conversion succeeds.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> fits in 64 bits with at most 8 decimals.</returns>
    public static bool TryFromDecimal(decimal value, out long satoshis)
    {
        satoshis = 0;
        if (value > MaxDecimal || value < MinDecimal)
        {
            return false;
        }
        var scaled = value * Scale;
        if (decimal.Truncate(scaled) != scaled)
        {
            return false;
        }
        satoshis = decimal.ToInt64(scaled);
        return true;
    }

    /// <summary>The notional (quote amount) of a fill: <c>floor(price × quantity / 1e8)</c>, computed without overflow.</summary>
    /// <param name="price">Price in satoshis of the quote currency.</param>
    /// <param name="quantity">Quantity in satoshis of the base currency.</param>
    /// <returns>The notional in satoshis of the quote currency, rounded toward negative infinity.</returns>
    /// <exception cref="OverflowException">The result does not fit in a signed 64-bit integer.</exception>
    public static long Notional(long price, long quantity)
    {
        var product = (Int128)price * quantity;
        var quotient = product / Scale;
        if (product % Scale != 0 && product < 0)
        {
            quotient--;
        }
        return checked((long)quotient);
    }

    private static readonly decimal MaxDecimal = ToDecimal(long.MaxValue);
    private static readonly decimal MinDecimal = ToDecimal(long.MinValue);

    private static decimal ScaleChecked(decimal value)
    {
        if (value > MaxDecimal || value < MinDecimal)
        {
            throw new OverflowException($"{value} is outside the range of a 1e8-scaled 64-bit wire value ({MinDecimal} to {MaxDecimal}).");
        }
        return value * Scale;
    }
}
