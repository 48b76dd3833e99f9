using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace BlinkTrade.Client.Requests;

/// <summary>Reads one top-level field of a raw frame as text (strings as is, numbers as their JSON text).</summary>
internal static class CorrelationReader
{
    /// <summary>Finds <paramref name="field"/> at the top level of <paramref name="frame"/>.</summary>
    /// <returns><see langword="true"/> when the field is a non-empty string or a number.</returns>
    public static bool TryRead(ReadOnlySpan<byte> frame, string field, [NotNullWhen(true)] out string? value)
    {
        value = null;
        Span<byte> name = stackalloc byte[64];
        if (Encoding.UTF8.GetByteCount(field) > name.Length)
        {
            return false;
        }
        name = name[..Encoding.UTF8.GetBytes(field, name)];
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(name);
                reader.Read();
                if (!match)
                {
                    reader.Skip();
                    continue;
                }
                value = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
                    _ => null,
                };
                return !string.IsNullOrEmpty(value);
            }
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
