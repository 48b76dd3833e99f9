using System.Text.Json;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>Reads and writes <see cref="PermissionList"/> as the plain wire object; reads string-encoded forms too.</summary>
internal sealed class PermissionListJsonConverter : JsonConverter<PermissionList>
{
    /// <inheritdoc />
    public override PermissionList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadList(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, PermissionList value, JsonSerializerOptions options)
        => WriteList(writer, value);

    internal static PermissionList ReadList(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var inner = new Utf8JsonReader(EncodedJson.Decode(reader.GetString()!, "PermissionList"));
            inner.Read();
            var list = ReadObject(ref inner);
            if (inner.Read())
            {
                throw new JsonException("Trailing data after an encoded PermissionList.");
            }
            return list;
        }
        return ReadObject(ref reader);
    }

    private static PermissionList ReadObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A PermissionList must be an object, got {reader.TokenType}.");
        }
        var result = new PermissionList();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var msgType = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                result.Allow(msgType);
                continue;
            }
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException($"The filters of '{msgType}' must be an array, got {reader.TokenType}.");
            }
            var filters = new List<IReadOnlyList<JsonElement>>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new JsonException($"A filter of '{msgType}' must be an array, got {reader.TokenType}.");
                }
                var filter = new List<JsonElement>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    filter.Add(JsonElement.ParseValue(ref reader));
                }
                filters.Add(filter);
            }
            result.Allow(msgType, [.. filters]);
        }
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("Unterminated PermissionList.");
        }
        return result;
    }

    internal static void WriteList(Utf8JsonWriter writer, PermissionList value)
    {
        writer.WriteStartObject();
        foreach (var (msgType, filters) in value)
        {
            writer.WriteStartArray(msgType);
            foreach (var filter in filters)
            {
                writer.WriteStartArray();
                foreach (var item in filter)
                {
                    item.WriteTo(writer);
                }
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }
}
