using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>Writes a <see cref="SecretString"/> as its real value (the wire needs it); reads strings or numbers (OTP codes).</summary>
internal sealed class SecretStringJsonConverter : JsonConverter<SecretString>
{
    /// <inheritdoc />
    public override SecretString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType switch
        {
            JsonTokenType.String => new SecretString(reader.GetString()!),
            JsonTokenType.Number => new SecretString(WireNumbers.RawText(ref reader)),
            _ => throw new JsonException($"Expected a string credential, got {reader.TokenType}."),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SecretString value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Reveal());
}
