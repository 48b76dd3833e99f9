using System.Text;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// The known values of a wire enumeration, with their names and their UTF-8 encodings so the converter can
/// map a known value straight from the JSON bytes without allocating a string.
/// </summary>
/// <typeparam name="T">The wire enumeration type.</typeparam>
public sealed class WireEnumValues<T> where T : struct, IWireEnum<T>
{
    private readonly (T Value, string Name, byte[] Utf8)[] _entries;

    /// <summary>Creates the table from (value, name) pairs.</summary>
    /// <param name="entries">Every known value with its display name.</param>
    public WireEnumValues(params (T Value, string Name)[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = new (T, string, byte[])[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            _entries[i] = (entries[i].Value, entries[i].Name, Encoding.UTF8.GetBytes(entries[i].Value.Value));
        }
    }

    /// <summary>Every known value, in declaration order.</summary>
    public IEnumerable<T> All => _entries.Select(e => e.Value);

    /// <summary>Finds a known value by its UTF-8 wire text.</summary>
    /// <param name="utf8">The wire text.</param>
    /// <param name="value">The cached known value.</param>
    /// <returns><see langword="true"/> when the text is a known value.</returns>
    public bool TryGet(ReadOnlySpan<byte> utf8, out T value)
    {
        foreach (var entry in _entries)
        {
            if (utf8.SequenceEqual(entry.Utf8))
            {
                value = entry.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Finds a known value by its wire string.</summary>
    /// <param name="wire">The wire text.</param>
    /// <param name="value">The cached known value.</param>
    /// <returns><see langword="true"/> when the text is a known value.</returns>
    public bool TryGet(string? wire, out T value)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Value.Value, wire, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The display name of a value: its known name, or <c>Unknown(&lt;raw&gt;)</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The name.</returns>
    public string NameOf(T value)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Value.Value, value.Value, StringComparison.Ordinal))
            {
                return entry.Name;
            }
        }
        return $"Unknown({value.Value})";
    }

    /// <summary>Whether <paramref name="value"/> is one of the known values.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when known.</returns>
    public bool IsKnown(T value) => TryGet(value.Value, out _);

    /// <summary>The position of <paramref name="value"/> among the known values, or -1 (for compact storage).</summary>
    internal int IndexOf(T value)
    {
        var wire = value.Value;
        for (var i = 0; i < _entries.Length; i++)
        {
            if (string.Equals(_entries[i].Value.Value, wire, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The known value at <paramref name="index"/> (see <see cref="IndexOf"/>).</summary>
    internal T At(int index) => _entries[index].Value;
}
