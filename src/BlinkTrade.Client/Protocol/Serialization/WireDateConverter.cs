using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>Market-data dates (<c>MDEntryDate</c>) are <c>"yyyy-MM-dd"</c> strings.</summary>
internal sealed class WireDateConverter : JsonConverter<DateOnly>
{
    /// <inheritdoc />
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date string, got {reader.TokenType}.");
        }
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && TryParseFast(reader.ValueSpan, out var fast))
        {
            return fast;
        }
        Span<char> buffer = stackalloc char[32];
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > buffer.Length)
        {
            throw new JsonException("Expected a date in the form yyyy-MM-dd.");
        }
        var text = buffer[..reader.CopyString(buffer)];
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        throw new JsonException("Expected a date in the form yyyy-MM-dd.");
    }

    // The wire form, exactly yyyy-MM-dd in ASCII digits, without the culture-aware parser; anything else takes the slow path.
    private static bool TryParseFast(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-')
        {
            return false;
        }
        var year = Digits(text[0], text[1]) * 100 + Digits(text[2], text[3]);
        var month = Digits(text[5], text[6]);
        var day = Digits(text[8], text[9]);
        if (year < 1 || (uint)(month - 1) >= 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    // Two ASCII digits, or a negative number when either is not a digit.
    private static int Digits(byte tens, byte ones)
    {
        var t = (uint)(tens - '0');
        var o = (uint)(ones - '0');
        return t <= 9 && o <= 9 ? (int)((t * 10) + o) : -10_000;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[10];
        value.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
