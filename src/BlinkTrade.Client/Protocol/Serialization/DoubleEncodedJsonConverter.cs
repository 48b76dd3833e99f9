using System.Diagnostics.CodeAnalysis;
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

        return JsonSerializer.Deserialize(EncodedJson.Decode(reader.GetString()!, "JSON value"), typeInfo);
    }

    /// <inheritdoc />
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The type info comes from the source-generated context in the options.")]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The type info comes from the source-generated context in the options.")]
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
}
