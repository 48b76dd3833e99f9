using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// For open-ended <c>Data</c> objects that some clients send JSON-encoded inside a string (the browser front end
/// stringifies <c>U6</c> <c>Data</c>, PROTOCOL.md §5 G36): while the value is a string whose content is valid JSON, it
/// is decoded again. A string that is not JSON text is kept as a JSON string (the field is open-ended). Written as-is,
/// so an object is written as an object (the SDK always sends objects).
/// </summary>
internal sealed class EncodedJsonElementConverter : JsonConverter<JsonElement>
{
    private const int MaxEncodingDepth = 8;

    /// <inheritdoc />
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var element = JsonElement.ParseValue(ref reader);
        for (var depth = 0; depth < MaxEncodingDepth && element.ValueKind == JsonValueKind.String; depth++)
        {
            var text = element.GetString()!;
            if (!TryParse(text, out var decoded))
            {
                return element;
            }
            element = decoded;
        }
        return element;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        value.WriteTo(writer);
    }

    private static bool TryParse(string text, out JsonElement element)
    {
        element = default;
        var trimmed = text.AsSpan().Trim();
        // Only structured values and strings are treated as encodings; "123" or "true" stay strings.
        if (trimmed.IsEmpty || trimmed[0] is not ('{' or '[' or '"'))
        {
            return false;
        }
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
            element = JsonElement.ParseValue(ref reader);
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
