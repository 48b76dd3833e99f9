using System.Text;
using BlinkTrade.Client.Protocol;
using FsCheck;
using FsCheck.Fluent;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>Amounts are 1e8-scaled integers on the wire; conversions to and from decimal must be exact.</summary>
public sealed class FixedPointTests
{
    [Theory]
    [InlineData(0L, "0")]
    [InlineData(1L, "0.00000001")]
    [InlineData(62000000000L, "620")]
    [InlineData(50000000L, "0.5")]
    [InlineData(-1L, "-0.00000001")]
    [InlineData(long.MaxValue, "92233720368.54775807")]
    [InlineData(long.MinValue, "-92233720368.54775808")]
    public void Wire_integers_convert_to_exact_decimals_and_back(long satoshis, string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(value, FixedPoint8.ToDecimal(satoshis));
        Assert.Equal(satoshis, FixedPoint8.FromDecimal(value));
        Assert.Equal(value, Price.FromDecimal(value).ToDecimal());
    }

    [Fact]
    public void Every_long_round_trips_through_decimal()
    {
        Prop.ForAll<long>(satoshis => FixedPoint8.FromDecimal(FixedPoint8.ToDecimal(satoshis)) == satoshis)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decimals_with_more_than_eight_places_are_refused_unless_rounded()
    {
        var error = Assert.Throws<ArgumentException>(() => Quantity.FromDecimal(0.123456789m));
        Assert.Contains("8 decimal places", error.Message, StringComparison.Ordinal);
        Assert.False(FixedPoint8.TryFromDecimal(0.123456789m, out _));
        Assert.Equal(12345679, Quantity.FromDecimal(0.123456789m, MidpointRounding.AwayFromZero).Satoshis);
        Assert.Equal(12345678, Quantity.FromDecimal(0.123456789m, MidpointRounding.ToZero).Satoshis);
    }

    [Fact]
    public void Out_of_range_values_overflow_instead_of_wrapping()
    {
        Assert.Throws<OverflowException>(() => Amount.FromDecimal(92233720368.54775808m));
        Assert.Throws<OverflowException>(() => Amount.FromDecimal(-92233720368.54775809m));
        Assert.False(FixedPoint8.TryFromDecimal(1e12m, out _));
        Assert.Throws<OverflowException>(() => new Amount(long.MaxValue) + new Amount(1));
        Assert.Throws<OverflowException>(() => new Amount(long.MinValue) - new Amount(1));
    }

    [Theory]
    [InlineData(62000000000L, 50000000L, 31000000000L)]       // 620.00 × 0.5 = 310.00
    [InlineData(62100000000L, 30000000L, 18630000000L)]       // 621.00 × 0.3 = 186.30
    [InlineData(3L, 3L, 0L)]                                   // floor of a sub-satoshi notional
    [InlineData(-3L, 3L, -1L)]                                 // floor, not truncation, for negatives
    [InlineData(100_000_000_000_000L, 100_000_000_000L, 100_000_000_000_000_000L)] // needs 128-bit intermediate
    public void Notional_is_the_floor_of_price_times_quantity(long price, long quantity, long expected)
    {
        Assert.Equal(expected, FixedPoint8.Notional(price, quantity));
        Assert.Equal(new Amount(expected), new Quantity(quantity).NotionalAt(new Price(price)));
    }

    [Fact]
    public void Notional_overflow_is_reported()
        => Assert.Throws<OverflowException>(() => FixedPoint8.Notional(long.MaxValue, long.MaxValue));

    [Fact]
    public void Notional_matches_decimal_arithmetic()
    {
        Prop.ForAll(Gen.Choose(1, int.MaxValue).ToArbitrary(), Gen.Choose(1, int.MaxValue).ToArbitrary(), (price, quantity) =>
            FixedPoint8.Notional(price, quantity) == (long)decimal.Floor((decimal)price * quantity / FixedPoint8.Scale))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Comparison_and_formatting()
    {
        Assert.True(new Price(2) > new Price(1));
        Assert.True(new Price(1) <= new Price(1));
        Assert.Equal(-1, new Quantity(1).CompareTo(new Quantity(2)));
        Assert.Equal("620.5", Price.FromDecimal(620.5m).ToString());
        Assert.Equal(620.5m, (decimal)(Price)620.5m);
    }

    [Theory]
    [InlineData("{\"MsgType\":\"8\",\"OrderQty\":5000}", 5000L)]
    [InlineData("{\"MsgType\":\"8\",\"OrderQty\":\"5000\"}", 5000L)]
    [InlineData("{\"MsgType\":\"8\",\"OrderQty\":5000.0}", 5000L)]
    [InlineData("{\"MsgType\":\"8\",\"OrderQty\":-1}", -1L)]
    public void Wire_amounts_accept_numbers_numeric_strings_and_integral_floats(string frame, long expected)
        => Assert.Equal(expected, ProtocolSerializer.Deserialize<ExecutionReport>(Encoding.UTF8.GetBytes(frame)).OrderQty.Satoshis);

    [Theory]
    [InlineData("{\"MsgType\":\"8\",\"OrderQty\":0.5}")]
    [InlineData("{\"MsgType\":\"8\",\"OrderQty\":\"half\"}")]
    [InlineData("{\"MsgType\":\"8\",\"OrderQty\":1e30}")]
    [InlineData("{\"MsgType\":\"8\",\"OrderQty\":true}")]
    public void Fractional_huge_or_non_numeric_amounts_are_invalid_fields(string frame)
    {
        Assert.False(ProtocolSerializer.TryDeserialize(Encoding.UTF8.GetBytes(frame), out _, out var error));
        Assert.Equal(ProtocolErrorKind.InvalidField, error!.Kind);
    }
}
