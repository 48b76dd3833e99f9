using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>Market-data dates (<c>MDEntryDate</c>) are <c>"yyyy-MM-dd"</c> strings.</summary>
public sealed class WireDateConverter : JsonConverter<DateOnly>
{
    /// <inheritdoc />
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date string, got {reader.TokenType}.");
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

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[10];
        value.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
