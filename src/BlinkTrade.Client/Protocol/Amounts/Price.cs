using System.Globalization;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>A price in units of the quote currency (e.g. USD per BTC). On the wire it is an integer scaled by 1e8 (satoshis).</summary>
/// <param name="Satoshis">The 1e8-scaled wire value.</param>
[JsonConverter(typeof(FixedPointJsonConverter<Price>))]
public readonly record struct Price(long Satoshis) : IComparable<Price>, IFixedPoint<Price>
{
    /// <summary>Zero.</summary>
    public static Price Zero => default;

    /// <summary>Creates a value from its exact decimal form (at most 8 decimals).</summary>
    /// <param name="value">The decimal value.</param>
    /// <returns>The wire value.</returns>
    /// <exception cref="ArgumentException">More than 8 decimal places.</exception>
    /// <exception cref="OverflowException">Out of the 64-bit wire range.</exception>
    public static Price FromDecimal(decimal value) => new(FixedPoint8.FromDecimal(value));

    /// <summary>Creates a value from a decimal, rounding to 8 decimals.</summary>
    /// <param name="value">The decimal value.</param>
    /// <param name="rounding">The rounding mode for extra decimals.</param>
    /// <returns>The wire value.</returns>
    /// <exception cref="OverflowException">Out of the 64-bit wire range.</exception>
    public static Price FromDecimal(decimal value, MidpointRounding rounding) => new(FixedPoint8.FromDecimal(value, rounding));

    /// <summary>The exact decimal value (<c>Satoshis / 1e8</c>).</summary>
    /// <returns>The decimal value.</returns>
    public decimal ToDecimal() => FixedPoint8.ToDecimal(Satoshis);

    /// <summary>Converts a decimal exactly; see <see cref="FromDecimal(decimal)"/>.</summary>
    /// <param name="value">The decimal value.</param>
    public static explicit operator Price(decimal value) => FromDecimal(value);

    /// <summary>Converts to the exact decimal value.</summary>
    /// <param name="value">The wire value.</param>
    public static explicit operator decimal(Price value) => value.ToDecimal();

    /// <summary>Adds two values, checking for overflow.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The sum.</returns>
    public static Price operator +(Price left, Price right) => new(checked(left.Satoshis + right.Satoshis));

    /// <summary>Subtracts two values, checking for overflow.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>The difference.</returns>
    public static Price operator -(Price left, Price right) => new(checked(left.Satoshis - right.Satoshis));

    /// <summary>Compares two values.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether <paramref name="left"/> is smaller.</returns>
    public static bool operator <(Price left, Price right) => left.Satoshis < right.Satoshis;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether <paramref name="left"/> is greater.</returns>
    public static bool operator >(Price left, Price right) => left.Satoshis > right.Satoshis;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(Price left, Price right) => left.Satoshis <= right.Satoshis;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether <paramref name="left"/> is greater or equal.</returns>
    public static bool operator >=(Price left, Price right) => left.Satoshis >= right.Satoshis;

    /// <summary>Wraps a wire integer.</summary>
    /// <param name="satoshis">The 1e8-scaled value.</param>
    /// <returns>The typed value.</returns>
    public static Price FromSatoshis(long satoshis) => new(satoshis);

    /// <inheritdoc />
    public int CompareTo(Price other) => Satoshis.CompareTo(other.Satoshis);

    /// <summary>The decimal value in invariant culture, e.g. <c>620.5</c>.</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => ToDecimal().ToString(CultureInfo.InvariantCulture);
}
