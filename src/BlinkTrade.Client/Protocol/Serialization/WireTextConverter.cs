using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// A short date or time string on the wire (<see cref="WireDateConverter"/>, <see cref="WireTimeConverter"/>): read
/// by an exact ASCII fast path straight from the UTF-8 bytes, else by the culture-aware parser over a stack copy (an
/// escaped or segmented value, another accepted form); written back in the wire format.
/// </summary>
/// <typeparam name="T">The date or time type.</typeparam>
/// <param name="kind">What the value is, for the error of a non-string token (<c>date</c>, <c>time</c>).</param>
/// <param name="format">The wire format written (e.g. <c>yyyy-MM-dd</c>).</param>
/// <param name="formatError">The message of the <see cref="JsonException"/> for a string that is not a value.</param>
internal abstract class WireTextConverter<T>(string kind, string format, string formatError) : JsonConverter<T>
    where T : struct, ISpanFormattable
{
    /// <inheritdoc />
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a {kind} string, got {reader.TokenType}.");
        }
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && TryParseFast(reader.ValueSpan, out var fast))
        {
            return fast;
        }
        Span<char> buffer = stackalloc char[WireText.MaxLength];
        var text = buffer[..WireText.CopyShort(ref reader, buffer, formatError)];
        return TryParse(text, out var value) ? value : throw new JsonException(formatError);
    }

    /// <inheritdoc />
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => WireText.WriteFormatted(writer, value, format);

    /// <summary>The usual wire form in ASCII digits, without the culture-aware parser; <see langword="false"/> sends anything else to <see cref="TryParse"/>.</summary>
    /// <param name="text">The unescaped UTF-8 value.</param>
    /// <param name="value">The value read.</param>
    /// <returns>Whether the text was the usual form and a valid value.</returns>
    protected abstract bool TryParseFast(ReadOnlySpan<byte> text, out T value);

    /// <summary>Every accepted form, with the invariant culture.</summary>
    /// <param name="text">The value's text.</param>
    /// <param name="value">The value read.</param>
    /// <returns>Whether the text was a valid value.</returns>
    protected abstract bool TryParse(ReadOnlySpan<char> text, out T value);
}
