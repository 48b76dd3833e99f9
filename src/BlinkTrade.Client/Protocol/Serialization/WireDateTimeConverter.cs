using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Datetimes on the wire are strings <c>"yyyy-MM-dd HH:mm:ss"</c> in the server's clock, documented as UTC
/// (PROTOCOL.md §0.2). Read as <see cref="DateTime"/> of kind UTC; ISO 8601 text and unix seconds are accepted too.
/// Written back in the wire format.
/// </summary>
internal sealed class WireDateTimeConverter : JsonConverter<DateTime>
{
    /// <summary>The wire format.</summary>
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    private static readonly string[] AcceptedFormats =
        [Format, "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-dd"];

    /// <inheritdoc />
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            var seconds = WireNumbers.ReadInt64(ref reader);
            if (seconds is < -62135596800 or > 253402300799)
            {
                throw new JsonException("Unix time out of range.");
            }
            return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
        }
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a datetime string, got {reader.TokenType}.");
        }
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && TryParseWire(reader.ValueSpan, out var wire))
        {
            return wire;
        }
        var text = reader.GetString();
        if (DateTime.TryParseExact(text, AcceptedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
        {
            return DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }
        throw new JsonException($"'{text}' is not a BlinkTrade datetime (expected {Format}).");
    }

    /// <summary>
    /// Reads exactly <c>yyyy-MM-dd HH:mm:ss</c> in ASCII digits (a valid datetime, UTC) without a string and the
    /// culture-aware parser (an <c>8</c> carries one); anything else is <see langword="false"/> and goes to that parser.
    /// </summary>
    /// <param name="text">The unescaped UTF-8 value.</param>
    /// <param name="value">The datetime read, of kind UTC.</param>
    /// <returns>Whether the text was that form and a valid datetime.</returns>
    internal static bool TryParseWire(ReadOnlySpan<byte> text, out DateTime value)
    {
        value = default;
        if (text.Length != Format.Length || text[10] != (byte)' '
            || !WireDateConverter.TryParseWire(text[..10], out var date) || !WireTimeConverter.TryParseWire(text[11..], out var time))
        {
            return false;
        }
        value = new DateTime(date, time, DateTimeKind.Utc);
        return true;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
        => WireTimeText.WriteDateTimeValue(writer, value); // UTF-8 digits: every list row carries one or two of these
}
