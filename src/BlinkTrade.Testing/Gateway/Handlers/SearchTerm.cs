using System.Globalization;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>
/// One search term of a list's <c>Filter</c> (PROTOCOL.md §5 G42): text, and — when it is a number — the amount it names
/// in whole units (satoshis, as bitex's <c>int(term) * 1e8</c>) and the id it names (when whole).
/// </summary>
internal readonly record struct SearchTerm(string Text, long? Satoshis, long? Integer)
{
    /// <summary>The term of <paramref name="text"/>.</summary>
    public static SearchTerm Parse(string text)
    {
        long? satoshis = null;
        long? integer = null;
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            if (number <= long.MaxValue / 100_000_000m)
            {
                var scaled = number * 100_000_000m;
                satoshis = scaled == decimal.Truncate(scaled) ? (long)scaled : null;
            }
            integer = number == decimal.Truncate(number) && number <= long.MaxValue ? (long)number : null;
        }
        return new SearchTerm(text, satoshis, integer);
    }

    /// <summary>Whether <paramref name="value"/> contains the term, ignoring case.</summary>
    public bool In(string? value) => value is not null && value.Contains(Text, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="value"/> is the term, ignoring case.</summary>
    public bool Is(string? value) => value is not null && string.Equals(value, Text, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the term is a number naming <paramref name="satoshis"/> in whole units.</summary>
    public bool IsAmount(long satoshis) => Satoshis == satoshis;

    /// <summary>Whether the term is the whole number <paramref name="id"/>.</summary>
    public bool IsId(long id) => Integer == id;
}
