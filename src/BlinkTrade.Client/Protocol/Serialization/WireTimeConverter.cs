using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>Market-data times (<c>MDEntryTime</c>) are <c>"HH:mm:ss"</c> strings.</summary>
internal sealed class WireTimeConverter : JsonConverter<TimeOnly>
{
    private const string FormatError = "Expected a time in the form HH:mm:ss.";

    private static readonly string[] Formats = ["HH:mm:ss", "HH:mm:ss.FFFFFFF", "H:mm:ss"];

    /// <inheritdoc />
    public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a time string, got {reader.TokenType}.");
        }
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && TryParseFast(reader.ValueSpan, out var fast))
        {
            return fast;
        }
        Span<char> buffer = stackalloc char[WireText.MaxLength];
        var text = buffer[..WireText.CopyShort(ref reader, buffer, FormatError)];
        if (TimeOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        throw new JsonException(FormatError);
    }

    // The usual wire form, exactly HH:mm:ss in ASCII digits, without the culture-aware parser; anything else (fractions,
    // a one-digit hour) takes the slow path.
    private static bool TryParseFast(ReadOnlySpan<byte> text, out TimeOnly time)
    {
        time = default;
        if (text.Length != 8 || text[2] != (byte)':' || text[5] != (byte)':')
        {
            return false;
        }
        var hour = WireText.TwoDigits(text[0], text[1]);
        var minute = WireText.TwoDigits(text[3], text[4]);
        var second = WireText.TwoDigits(text[6], text[7]);
        if ((uint)hour >= 24 || (uint)minute >= 60 || (uint)second >= 60)
        {
            return false;
        }
        time = new TimeOnly(hour, minute, second);
        return true;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options)
    {
        WireText.WriteFormatted(writer, value, "HH:mm:ss");
    }
}
