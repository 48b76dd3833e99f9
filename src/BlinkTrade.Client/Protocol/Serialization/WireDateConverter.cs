using System.Globalization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>Market-data dates (<c>MDEntryDate</c>) are <c>"yyyy-MM-dd"</c> strings.</summary>
internal sealed class WireDateConverter() : WireTextConverter<DateOnly>("date", "yyyy-MM-dd", "Expected a date in the form yyyy-MM-dd.")
{
    // The wire form, exactly yyyy-MM-dd in ASCII digits, without the culture-aware parser; anything else takes the slow path.
    /// <inheritdoc />
    protected override bool TryParseFast(ReadOnlySpan<byte> text, out DateOnly value) => TryParseWire(text, out value);

    /// <summary>Reads exactly <c>yyyy-MM-dd</c> in ASCII digits (a valid date); anything else is <see langword="false"/>.</summary>
    /// <param name="text">The unescaped UTF-8 value.</param>
    /// <param name="value">The date read.</param>
    /// <returns>Whether the text was that form and a valid date.</returns>
    internal static bool TryParseWire(ReadOnlySpan<byte> text, out DateOnly value)
    {
        value = default;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-')
        {
            return false;
        }
        var year = WireText.TwoDigits(text[0], text[1]) * 100 + WireText.TwoDigits(text[2], text[3]);
        var month = WireText.TwoDigits(text[5], text[6]);
        var day = WireText.TwoDigits(text[8], text[9]);
        if (year < 1 || (uint)(month - 1) >= 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        value = new DateOnly(year, month, day);
        return true;
    }

    /// <inheritdoc />
    protected override bool TryParse(ReadOnlySpan<char> text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
