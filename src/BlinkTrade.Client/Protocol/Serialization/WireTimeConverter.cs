using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>Market-data times (<c>MDEntryTime</c>) are <c>"HH:mm:ss"</c> strings.</summary>
public sealed class WireTimeConverter : JsonConverter<TimeOnly>
{
    private static readonly string[] Formats = ["HH:mm:ss", "HH:mm:ss.FFFFFFF", "H:mm:ss"];

    /// <inheritdoc />
    public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a time string, got {reader.TokenType}.");
        }
        Span<char> buffer = stackalloc char[32];
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > buffer.Length)
        {
            throw new JsonException("Expected a time in the form HH:mm:ss.");
        }
        var written = reader.CopyString(buffer);
        if (TimeOnly.TryParseExact(buffer[..written], Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        throw new JsonException("Expected a time in the form HH:mm:ss.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[8];
        value.TryFormat(buffer, out var written, "HH:mm:ss", CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
