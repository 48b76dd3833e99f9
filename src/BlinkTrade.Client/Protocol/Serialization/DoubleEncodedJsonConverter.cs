using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// For values some servers send JSON-encoded inside a string, once or several times (U53 <c>PermissionList</c> and
/// <c>IPWhiteList</c>, PROTOCOL.md §5 G22): while the value is a string, its content is decoded again, until real
/// JSON remains. Writes real JSON (the recommended resolution).
/// </summary>
/// <typeparam name="T">The decoded type; it must be registered in the serializer context.</typeparam>
internal sealed class DoubleEncodedJsonConverter<T> : JsonConverter<T> where T : class
{
    private const int MaxEncodingDepth = 8;

    /// <inheritdoc />
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The type info comes from the source-generated context in the options.")]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The type info comes from the source-generated context in the options.")]
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        if (reader.TokenType != JsonTokenType.String)
        {
            return JsonSerializer.Deserialize(ref reader, typeInfo);
        }

        var text = reader.GetString()!;
        for (var depth = 0; depth < MaxEncodingDepth; depth++)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var inner = new Utf8JsonReader(bytes);
            if (!inner.Read())
            {
                throw new JsonException("An encoded JSON value was empty.");
            }
            if (inner.TokenType != JsonTokenType.String)
            {
                return JsonSerializer.Deserialize(bytes, typeInfo);
            }
            text = inner.GetString()!;
        }
        throw new JsonException($"A JSON value was encoded more than {MaxEncodingDepth} times.");
    }

    /// <inheritdoc />
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The type info comes from the source-generated context in the options.")]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The type info comes from the source-generated context in the options.")]
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
}
