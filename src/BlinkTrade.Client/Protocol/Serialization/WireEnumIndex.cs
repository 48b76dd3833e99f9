namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// A wire enumeration's known values by their one-byte wire text: every enumeration of the hot records (<c>8</c>,
/// market-data entries) is written as one ASCII character, so the compact reader finds a value, and the packed
/// <see cref="ExecutionReport"/> its byte (<see cref="WireEnumCode"/>), with one table load instead of comparing the
/// text with each known value in turn (six enumerations per <c>8</c>, each looked up twice). Longer values go to
/// <see cref="WireEnumValues{T}"/> as before.
/// </summary>
/// <typeparam name="T">The wire enumeration.</typeparam>
internal static class WireEnumIndex<T>
    where T : struct, IWireEnum<T>
{
    // The first known value's position + 1 for each ASCII byte that is a known value's whole text; 0 for none.
    private static readonly byte[] ByByte = Build();

    /// <summary>Finds a known value by its UTF-8 wire text (as <see cref="WireEnumValues{T}.TryGet(ReadOnlySpan{byte}, out T)"/>).</summary>
    /// <param name="utf8">The wire text.</param>
    /// <param name="value">The known value.</param>
    /// <returns><see langword="true"/> when the text is a known value.</returns>
    public static bool TryGet(ReadOnlySpan<byte> utf8, out T value)
    {
        if (utf8.Length == 1 && utf8[0] < ByByte.Length)
        {
            var code = ByByte[utf8[0]];
            value = code == 0 ? default : T.Values.At(code - 1);
            return code != 0;
        }
        return T.Values.TryGet(utf8, out value);
    }

    /// <summary>The position of <paramref name="value"/> among the known values, or -1 (as <see cref="WireEnumValues{T}.IndexOf"/>).</summary>
    /// <param name="value">The value.</param>
    /// <returns>Its position, or -1 for a value that is not known.</returns>
    public static int IndexOf(T value)
    {
        var wire = value.Value;
        if (wire is { Length: 1 } && wire[0] < ByByte.Length)
        {
            return ByByte[wire[0]] - 1;
        }
        return T.Values.IndexOf(value);
    }

    private static byte[] Build()
    {
        var table = new byte[128];
        var index = 0;
        foreach (var known in T.Values.All)
        {
            // Positions past a byte's range stay on the general path (no enumeration of the protocol has that many).
            if (known.Value is { Length: 1 } wire && wire[0] < table.Length && table[wire[0]] == 0 && index < byte.MaxValue)
            {
                table[wire[0]] = (byte)(index + 1);
            }
            index++;
        }
        return table;
    }
}
