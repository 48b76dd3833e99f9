using System.Text;
using System.Text.Json;

namespace BlinkTrade.Testing.Gateway.Wire;

/// <summary>
/// Checks that the text of an inbound frame can be represented as .NET strings. A JSON escape may name a lone UTF-16
/// surrogate (<c>"\ud800"</c>): valid JSON, but no valid string — reading it, echoing it or writing it back out
/// throws deep inside System.Text.Json. The gateway refuses such a frame once, at parse time, so no handler, echo or
/// PermissionList filter ever sees one.
/// </summary>
internal static class WireText
{
    /// <summary>
    /// The top-level field of <paramref name="frame"/> (a JSON object the parser already accepted) whose value, or
    /// whose own name, holds a string that is not valid UTF-16; null when every string is representable.
    /// </summary>
    /// <remarks>
    /// Raw UTF-8 cannot encode a surrogate (the parser rejects it), so only a <c>\u</c> escape can produce one: frames
    /// without that byte pair are accepted without a second pass (one vectorized search on the common path).
    /// </remarks>
    public static string? FindUnrepresentableField(ReadOnlySpan<byte> frame)
    {
        if (frame.IndexOf("\\u"u8) < 0)
        {
            return null;
        }
        var reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = GatewayRequest.MaxDepth });
        string? topField = null;
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String))
            {
                continue;
            }
            var isTopName = reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1;
            if (isTopName)
            {
                topField = null;
            }
            if (reader.ValueIsEscaped && !IsRepresentable(ref reader))
            {
                // A name that is itself unrepresentable is reported by its escaped form, which is plain text.
                return isTopName || topField is null ? Encoding.UTF8.GetString(reader.ValueSpan) : topField;
            }
            if (isTopName)
            {
                topField = reader.GetString();
            }
        }
        return null;
    }

    /// <summary>
    /// <paramref name="text"/> with every lone surrogate replaced by U+FFFD, so it can always be written out (an ERROR's
    /// Detail may quote client text; a truncated quote may split a pair).
    /// </summary>
    public static string Sanitize(string text)
    {
        var span = text.AsSpan();
        if (!HasLoneSurrogate(span))
        {
            return text;
        }
        return string.Create(text.Length, text, static (destination, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
                {
                    destination[i] = c;
                    destination[i + 1] = source[i + 1];
                    i++;
                }
                else
                {
                    destination[i] = char.IsSurrogate(c) ? '\uFFFD' : c;
                }
            }
        });
    }

    /// <summary>At most <paramref name="maxLength"/> characters of <paramref name="text"/>, never splitting a surrogate pair.</summary>
    public static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }
        var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..cut] + "…";
    }

    /// <summary>Whether <paramref name="text"/> holds a surrogate without its partner (not writable as UTF-8).</summary>
    public static bool HasLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0 && i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            return true;
        }
        return false;
    }

    private static bool IsRepresentable(ref Utf8JsonReader reader)
    {
        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
