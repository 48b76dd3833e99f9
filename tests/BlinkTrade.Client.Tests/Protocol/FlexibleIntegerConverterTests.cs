using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Tests.Protocol;

/// <summary>
/// The protocol-wide integer converters (<see cref="FlexibleInt32Converter"/>, <see cref="FlexibleInt64Converter"/>, one
/// generic core): numbers, numeric strings and integral floats read; a value that does not fit the property's width,
/// or no integer at all, is a <see cref="JsonException"/> naming the width; written as JSON numbers.
/// </summary>
public sealed class FlexibleIntegerConverterTests
{
    [Theory]
    [InlineData("42", 42)]
    [InlineData("\"42\"", 42)]
    [InlineData("12.0", 12)]
    [InlineData("-7", -7)]
    [InlineData("\"-7\"", -7)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("\"-2147483648\"", int.MinValue)]
    public void Int32_reads_numbers_numeric_strings_and_integral_floats(string json, int expected)
        => Assert.Equal(expected, Read(new FlexibleInt32Converter(), json));

    [Theory]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("\"-9223372036854775808\"", long.MinValue)]
    [InlineData("2147483648", 2147483648L)]
    public void Int64_reads_the_whole_64_bit_range(string json, long expected)
        => Assert.Equal(expected, Read(new FlexibleInt64Converter(), json));

    [Theory]
    [InlineData("2147483648")]
    [InlineData("\"-2147483649\"")]
    [InlineData("4294967296.0")]
    public void Int32_refuses_a_value_wider_than_32_bits(string json)
    {
        var error = Assert.Throws<JsonException>(() => Read(new FlexibleInt32Converter(), json));
        Assert.Contains("fits in 32 bits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Int64_refuses_a_value_wider_than_64_bits()
    {
        var error = Assert.Throws<JsonException>(() => Read(new FlexibleInt64Converter(), "9223372036854775808"));
        Assert.Contains("fits in 64 bits", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("\"abc\"")]
    [InlineData("true")]
    [InlineData("null")]
    public void Both_refuse_what_is_no_integer(string json)
    {
        Assert.Throws<JsonException>(() => Read(new FlexibleInt32Converter(), json));
        Assert.Throws<JsonException>(() => Read(new FlexibleInt64Converter(), json));
    }

    [Fact]
    public void Both_write_json_numbers()
    {
        Assert.Equal("-42", Write(new FlexibleInt32Converter(), -42));
        Assert.Equal("2147483647", Write(new FlexibleInt32Converter(), int.MaxValue));
        Assert.Equal("9223372036854775807", Write(new FlexibleInt64Converter(), long.MaxValue));
    }

    private static T Read<T>(JsonConverter<T> converter, string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return converter.Read(ref reader, typeof(T), JsonSerializerOptions.Default)!;
    }

    private static string Write<T>(JsonConverter<T> converter, T value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            converter.Write(writer, value, JsonSerializerOptions.Default);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
