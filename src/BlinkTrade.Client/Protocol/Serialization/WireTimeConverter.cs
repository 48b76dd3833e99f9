using System.Globalization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>Market-data times (<c>MDEntryTime</c>) are <c>"HH:mm:ss"</c> strings.</summary>
internal sealed class WireTimeConverter() : WireTextConverter<TimeOnly>("time", "HH:mm:ss", "Expected a time in the form HH:mm:ss.")
{
    private static readonly string[] Formats = ["HH:mm:ss", "HH:mm:ss.FFFFFFF", "H:mm:ss"];

    // The usual wire form, exactly HH:mm:ss in ASCII digits, without the culture-aware parser; anything else (fractions,
    // a one-digit hour) takes the slow path.
    /// <inheritdoc />
    protected override bool TryParseFast(ReadOnlySpan<byte> text, out TimeOnly value) => TryParseWire(text, out value);

    /// <summary>Reads exactly <c>HH:mm:ss</c> in ASCII digits (a valid time); anything else is <see langword="false"/>.</summary>
    /// <param name="text">The unescaped UTF-8 value.</param>
    /// <param name="value">The time read.</param>
    /// <returns>Whether the text was that form and a valid time.</returns>
    internal static bool TryParseWire(ReadOnlySpan<byte> text, out TimeOnly value)
    {
        value = default;
        if (text.Length != 8 || text[2] != (byte)':' || text[5] != (byte)':')
        {
            return false;
        }
        var hour = WireText.TwoDigits(text[0], text[1]);
        var minute = WireText.TwoDigits(text[3], text[4]);
        var second = WireText.TwoDigits(text[6], text[7]);
        if ((uint)hour >= 24 || (uint)minute >= 60 || (uint)second >= 60)
        {
            return false;
        }
        value = new TimeOnly(hour, minute, second);
        return true;
    }

    /// <inheritdoc />
    protected override bool TryParse(ReadOnlySpan<char> text, out TimeOnly value) =>
        TimeOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
