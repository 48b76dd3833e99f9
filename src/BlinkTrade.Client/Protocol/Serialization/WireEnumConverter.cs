using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Converter for every <see cref="IWireEnum{TSelf}"/>: known values map from the JSON bytes to a cached instance
/// (no allocation); unknown values are kept raw. A JSON number (<c>1</c> where <c>"1"</c> is documented) is accepted.
/// Always written as a JSON string.
/// </summary>
/// <typeparam name="T">The wire enumeration.</typeparam>
internal sealed class WireEnumConverter<T> : JsonConverter<T> where T : struct, IWireEnum<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadValue(ref reader);

    /// <summary>The reading logic, shared with the hand-written message converters.</summary>
    internal static T ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
        {
            throw new JsonException($"Expected a string enumeration value for {typeof(T).Name}, got {reader.TokenType}.");
        }
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && T.Values.TryGet(reader.ValueSpan, out var known))
        {
            return known;
        }
        var raw = reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : WireNumbers.RawText(ref reader);
        return T.Values.TryGet(raw, out known) ? known : T.FromWire(raw);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Value);
}
