using System.Buffers.Text;
using System.Numerics;
using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>Tolerant integer reading shared by the protocol's converters.</summary>
internal static class WireNumbers
{
    /// <summary>
    /// Reads a 64-bit integer from a JSON number, a numeric string, or an integral float such as <c>12.0</c>.
    /// </summary>
    /// <exception cref="JsonException">The token is not an integer, or does not fit in 64 bits.</exception>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var value))
                {
                    return value;
                }
                if (reader.TryGetDecimal(out var fractional) && decimal.Truncate(fractional) == fractional
                    && fractional >= long.MinValue && fractional <= long.MaxValue)
                {
                    return decimal.ToInt64(fractional);
                }
                throw new JsonException("Expected an integer that fits in 64 bits.");
            case JsonTokenType.String:
                if (!reader.ValueIsEscaped && !reader.HasValueSequence
                    && Utf8Parser.TryParse(reader.ValueSpan, out long parsed, out var consumed) && consumed == reader.ValueSpan.Length)
                {
                    return parsed;
                }
                var text = reader.GetString();
                if (long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out parsed))
                {
                    return parsed;
                }
                throw new JsonException("Expected an integer, got a non-numeric string.");
            default:
                throw new JsonException($"Expected an integer, got {reader.TokenType}.");
        }
    }

    /// <summary>Reads a 32-bit integer with the same tolerance as <see cref="ReadInt64"/>.</summary>
    /// <exception cref="JsonException">The token is not an integer, or does not fit in 32 bits.</exception>
    public static int ReadInt32(ref Utf8JsonReader reader) => ReadInteger<int>(ref reader);

    /// <summary>Reads an integer of type <typeparamref name="T"/> (at most 64 bits wide) with the same tolerance as <see cref="ReadInt64"/>.</summary>
    /// <exception cref="JsonException">The token is not an integer, or does not fit in <typeparamref name="T"/>.</exception>
    public static T ReadInteger<T>(ref Utf8JsonReader reader)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var value = ReadInt64(ref reader);
        if (value < long.CreateTruncating(T.MinValue) || value > long.CreateTruncating(T.MaxValue))
        {
            throw new JsonException($"Expected an integer that fits in {T.AllBitsSet.GetByteCount() * 8} bits.");
        }
        return T.CreateTruncating(value);
    }

    /// <summary>The raw text of the current token (for numbers kept as text).</summary>
    public static string RawText(ref Utf8JsonReader reader)
        => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
}
