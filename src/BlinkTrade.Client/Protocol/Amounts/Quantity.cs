using System.Globalization;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>A quantity of the base currency (e.g. BTC). On the wire it is an integer scaled by 1e8 (satoshis).</summary>
/// <param name="Satoshis">The 1e8-scaled wire value.</param>
[JsonConverter(typeof(FixedPointJsonConverter<Quantity>))]
public readonly record struct Quantity(long Satoshis) : IComparable<Quantity>, IFixedPoint<Quantity>
{
    /// <summary>Zero.</summary>
    public static Quantity Zero => default;

    /// <summary>Creates a value from its exact decimal form (at most 8 decimals).</summary>
    /// <param name="value">The decimal value.</param>
    /// <returns>The wire value.</returns>
    /// <exception cref="ArgumentException">More than 8 decimal places.</exception>
    /// <exception cref="OverflowException">Out of the 64-bit wire range.</exception>
    public static Quantity FromDecimal(decimal value) => new(FixedPoint8.FromDecimal(value));

    /// <summary>Creates a value from a decimal, rounding to 8 decimals.</summary>
    /// <param name="value">The decimal value.</param>
    /// <param name="rounding">The rounding mode for extra decimals.</param>
    /// <returns>The wire value.</returns>
    /// <exception cref="OverflowException">Out of the 64-bit wire range.</exception>
    public static Quantity FromDecimal(decimal value, MidpointRounding rounding) => new(FixedPoint8.FromDecimal(value, rounding));

    /// <summary>The exact decimal value (<c>Satoshis / 1e8</c>).</summary>
    /// <returns>The decimal value.</returns>
    public decimal ToDecimal() => FixedPoint8.ToDecimal(Satoshis);

    /// <summary>Converts a decimal exactly; see <see cref="FromDecimal(decimal)"/>.</summary>
    /// <param name="value">The decimal value.</param>
    public static explicit operator Quantity(decimal value) => FromDecimal(value);

    /// <summary>Converts to the exact decimal value.</summary>
    /// <param name="value">The wire value.</param>
    public static explicit operator decimal(Quantity value) => value.ToDecimal();

    /// <summary>Adds two values, checking for overflow.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The sum.</returns>
    public static Quantity operator +(Quantity left, Quantity right) => new(checked(left.Satoshis + right.Satoshis));

    /// <summary>Subtracts two values, checking for overflow.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The difference.</returns>
    public static Quantity operator -(Quantity left, Quantity right) => new(checked(left.Satoshis - right.Satoshis));

    /// <summary>Compares two values.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether <paramref name="left"/> is smaller.</returns>
    public static bool operator <(Quantity left, Quantity right) => left.Satoshis < right.Satoshis;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether <paramref name="left"/> is greater.</returns>
    public static bool operator >(Quantity left, Quantity right) => left.Satoshis > right.Satoshis;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(Quantity left, Quantity right) => left.Satoshis <= right.Satoshis;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether <paramref name="left"/> is greater or equal.</returns>
    public static bool operator >=(Quantity left, Quantity right) => left.Satoshis >= right.Satoshis;

    /// <summary>Wraps a wire integer.</summary>
    /// <param name="satoshis">The 1e8-scaled value.</param>
    /// <returns>The typed value.</returns>
    public static Quantity FromSatoshis(long satoshis) => new(satoshis);

    /// <inheritdoc />
    public int CompareTo(Quantity other) => Satoshis.CompareTo(other.Satoshis);

    /// <summary>The notional of this quantity at <paramref name="price"/>: <c>floor(price × quantity / 1e8)</c>, the quote amount BlinkTrade settles.</summary>
    /// <param name="price">The price.</param>
    /// <returns>The quote-currency amount.</returns>
    /// <exception cref="OverflowException">The notional does not fit in 64 bits.</exception>
    public Amount NotionalAt(Price price) => new(FixedPoint8.Notional(price.Satoshis, Satoshis));

    /// <summary>The decimal value in invariant culture, e.g. <c>620.5</c>.</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => ToDecimal().ToString(CultureInfo.InvariantCulture);
}
