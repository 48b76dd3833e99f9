using System.Globalization;
using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The pieces of <see cref="WireTextConverter{T}"/> (dates and times): two-digit fields of the fast
/// path, the copy of a short string for the culture-aware slow path, and the invariant text written back.
/// </summary>
internal static class WireText
{
    /// <summary>The longest date or time string the slow path copies; a longer one is never a valid value.</summary>
    public const int MaxLength = 32;

    /// <summary>Two ASCII digits as a number, or a negative number when either is not a digit.</summary>
    /// <remarks>Low enough (-10,000) that <c>TwoDigits(…) * 100 + TwoDigits(…)</c> stays negative too.</remarks>
    /// <param name="tens">The tens digit.</param>
    /// <param name="ones">The ones digit.</param>
    /// <returns>0 to 99, or a negative number.</returns>
    public static int TwoDigits(byte tens, byte ones)
    {
        var t = (uint)(tens - '0');
        var o = (uint)(ones - '0');
        return t <= 9 && o <= 9 ? (int)((t * 10) + o) : -10_000;
    }

    /// <summary>Copies the string value the reader is on (escapes decoded) into <paramref name="buffer"/>.</summary>
    /// <param name="reader">The reader, on a string.</param>
    /// <param name="buffer">At least <see cref="MaxLength"/> characters.</param>
    /// <param name="error">The message of the <see cref="JsonException"/> when the value is longer than the buffer.</param>
    /// <returns>The number of characters copied.</returns>
    public static int CopyShort(ref Utf8JsonReader reader, scoped Span<char> buffer, string error)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > buffer.Length)
        {
            throw new JsonException(error);
        }
        return reader.CopyString(buffer);
    }

    /// <summary>Writes <paramref name="value"/> as a JSON string in <paramref name="format"/> (invariant culture).</summary>
    /// <typeparam name="T">A date or time type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="format">The wire format, e.g. <c>yyyy-MM-dd</c>.</param>
    public static void WriteFormatted<T>(Utf8JsonWriter writer, T value, string format) where T : ISpanFormattable
    {
        Span<char> buffer = stackalloc char[MaxLength];
        value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
