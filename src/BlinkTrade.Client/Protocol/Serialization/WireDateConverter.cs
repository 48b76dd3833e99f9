using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>Market-data dates (<c>MDEntryDate</c>) are <c>"yyyy-MM-dd"</c> strings.</summary>
internal sealed class WireDateConverter : JsonConverter<DateOnly>
{
    private const string FormatError = "Expected a date in the form yyyy-MM-dd.";

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
        Span<char> buffer = stackalloc char[WireText.MaxLength];
        var text = buffer[..WireText.CopyShort(ref reader, buffer, FormatError)];
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        throw new JsonException(FormatError);
    }

    // The wire form, exactly yyyy-MM-dd in ASCII digits, without the culture-aware parser; anything else takes the slow path.
    private static bool TryParseFast(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-')
        {
            return false;
        }
        var year = WireText.TwoDigits(text[0], text[1]) * 100 + WireText.TwoDigits(text[2], text[3]);
        var month = WireText.TwoDigits(text[5], text[6]);
        var day = WireText.TwoDigits(text[8], text[9]);
        if (year < 1 || (uint)(month - 1) >= 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options)
    {
        WireText.WriteFormatted(writer, value, "yyyy-MM-dd");
    }
}
