using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The protocol-wide converter for <see cref="string"/>: fields documented as strings sometimes arrive as numbers
/// (older docs send <c>ClOrdID</c> as an integer, PROTOCOL.md §5 G16). A number or boolean is kept as its JSON text.
/// </summary>
internal sealed class FlexibleStringConverter : JsonConverter<string>
{
    /// <inheritdoc />
    public override bool HandleNull => false;

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadValue(ref reader);

    /// <summary>The reading logic (a JSON null reads as <see langword="null"/>), shared with the hand-written message converters.</summary>
    internal static string? ReadValue(ref Utf8JsonReader reader)
        => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => WireNumbers.RawText(ref reader),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => null,
            _ => throw new JsonException($"Expected a string, got {reader.TokenType}."),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        => writer.WriteStringValue(value);

    /// <summary>Reads a dictionary key (registering this converter globally would otherwise break every
    /// <c>Dictionary&lt;string, …&gt;</c>, e.g. U38 <c>Fields</c>).</summary>
    /// <inheritdoc />
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.GetString()!;

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        => writer.WritePropertyName(value);
}
