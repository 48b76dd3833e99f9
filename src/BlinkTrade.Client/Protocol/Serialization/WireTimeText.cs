using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Writes the wire's date and time fields (<c>yyyy-MM-dd</c>, <c>HH:mm:ss</c>, <c>yyyy-MM-dd HH:mm:ss</c> UTC) straight
/// as UTF-8 digits, for the hand-written converters of the hottest frames (<c>8</c>, <c>X</c> entries). Same text as
/// <see cref="WireDateConverter"/>, <see cref="WireTimeConverter"/> and <see cref="WireDateTimeConverter"/>, without a
/// format string parsed and a UTF-16 buffer transcoded per field: the exchange writes two of these in every book
/// entry and trade it publishes (the X encode measured 10–15 % slower than the gateway's former hand-written frames
/// through those converters; docs/performance.md, "Gateway publications").
/// </summary>
internal static class WireTimeText
{
    /// <summary>Writes <paramref name="name"/>: <c>"yyyy-MM-dd"</c>.</summary>
    public static void WriteDate(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateOnly value)
    {
        Span<byte> text = stackalloc byte[10];
        Date(text, value.Year, value.Month, value.Day);
        writer.WriteString(name, text);
    }

    /// <summary>Writes <paramref name="name"/>: <c>"HH:mm:ss"</c>.</summary>
    public static void WriteTime(Utf8JsonWriter writer, ReadOnlySpan<byte> name, TimeOnly value)
    {
        Span<byte> text = stackalloc byte[8];
        Time(text, value.Hour, value.Minute, value.Second);
        writer.WriteString(name, text);
    }

    /// <summary>Writes <paramref name="name"/>: <c>"yyyy-MM-dd HH:mm:ss"</c> of <paramref name="value"/> in UTC.</summary>
    public static void WriteDateTime(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTime value)
    {
        Span<byte> text = stackalloc byte[19];
        FormatDateTime(text, value);
        writer.WriteString(name, text);
    }

    /// <summary>Writes the value <c>"yyyy-MM-dd HH:mm:ss"</c> of <paramref name="value"/> in UTC (an array cell, a converter's value).</summary>
    public static void WriteDateTimeValue(Utf8JsonWriter writer, DateTime value)
    {
        Span<byte> text = stackalloc byte[19];
        FormatDateTime(text, value);
        writer.WriteStringValue(text);
    }

    private static void FormatDateTime(Span<byte> text, DateTime value)
    {
        var utc = value.ToUniversalTime();
        Date(text, utc.Year, utc.Month, utc.Day);
        text[10] = (byte)' ';
        Time(text[11..], utc.Hour, utc.Minute, utc.Second);
    }

    private static void Date(Span<byte> text, int year, int month, int day)
    {
        Digits(text[..4], year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), day);
    }

    private static void Time(Span<byte> text, int hour, int minute, int second)
    {
        Digits(text[..2], hour);
        text[2] = (byte)':';
        Digits(text.Slice(3, 2), minute);
        text[5] = (byte)':';
        Digits(text.Slice(6, 2), second);
    }

    // Zero-padded to the span's width (years 1–9999, as "yyyy" formats them).
    private static void Digits(Span<byte> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
