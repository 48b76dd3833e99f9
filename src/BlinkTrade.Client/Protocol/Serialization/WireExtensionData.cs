using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The <see cref="ProtocolRecord.ExtensionData"/> of a record the compact reader gave one shared property (an
/// <c>8</c>'s <c>TransactTime</c>), made on the first read of it: a pointer to the shared
/// <see cref="WireExtensionProperty"/> until the record's owner changes it or adds a property; then a
/// <see cref="Dictionary{TKey, TValue}"/> (ordinal keys, insertion order) like the one the tolerant reader builds.
/// </summary>
/// <remarks>
/// Why not a <see cref="Dictionary{TKey, TValue}"/>: for one entry it is three objects, about 240 bytes, more than the
/// rest of an <c>8</c>'s parse; this is 32 bytes and still the record's own, writable dictionary. A record whose
/// extension data is never read holds only the shared property (task 18zc).
/// </remarks>
internal sealed class WireExtensionData : IDictionary<string, JsonElement>, IReadOnlyDictionary<string, JsonElement>
{
    // While _many is null: the only property, or none (after a removal). Once _many exists it holds everything.
    private WireExtensionProperty? _single;
    private Dictionary<string, JsonElement>? _many;

    /// <summary>A dictionary of one property.</summary>
    /// <param name="property">The property (shared, never changed).</param>
    public WireExtensionData(WireExtensionProperty property) => _single = property;

    /// <summary>The shared property while it is all this dictionary holds (nothing changed yet), else <see langword="null"/>.</summary>
    public WireExtensionProperty? Shared => _many is null ? _single : null;

    /// <inheritdoc cref="IDictionary{TKey, TValue}.this" />
    public JsonElement this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");
        set => Many()[key] = value;
    }

    /// <inheritdoc />
    public int Count => _many?.Count ?? (_single is null ? 0 : 1);

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <inheritdoc />
    public ICollection<string> Keys => _many is not null ? _many.Keys : _single is { } single ? [single.Name] : [];

    /// <inheritdoc />
    public ICollection<JsonElement> Values => _many is not null ? _many.Values : _single is { } single ? [single.Value] : [];

    IEnumerable<string> IReadOnlyDictionary<string, JsonElement>.Keys => Keys;

    IEnumerable<JsonElement> IReadOnlyDictionary<string, JsonElement>.Values => Values;

    /// <inheritdoc />
    public void Add(string key, JsonElement value) => Many().Add(key, value);

    /// <inheritdoc />
    public void Add(KeyValuePair<string, JsonElement> item) => Add(item.Key, item.Value);

    /// <inheritdoc />
    public void Clear()
    {
        _single = null;
        _many?.Clear();
    }

    /// <inheritdoc />
    public bool Contains(KeyValuePair<string, JsonElement> item)
        => TryGetValue(item.Key, out var value) && EqualityComparer<JsonElement>.Default.Equals(value, item.Value);

    /// <inheritdoc cref="IDictionary{TKey, TValue}.ContainsKey" />
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc />
    public void CopyTo(KeyValuePair<string, JsonElement>[] array, int arrayIndex)
    {
        if (_many is not null)
        {
            ((ICollection<KeyValuePair<string, JsonElement>>)_many).CopyTo(array, arrayIndex);
            return;
        }
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(arrayIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(arrayIndex, array.Length);
        if (array.Length - arrayIndex < Count)
        {
            throw new ArgumentException("The destination array is too small.", nameof(array));
        }
        if (_single is { } single)
        {
            array[arrayIndex] = new KeyValuePair<string, JsonElement>(single.Name, single.Value);
        }
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator()
    {
        if (_many is not null)
        {
            return _many.GetEnumerator();
        }
        return _single is { } single ? Single(single) : Enumerable.Empty<KeyValuePair<string, JsonElement>>().GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Remove(string key) => Many().Remove(key);

    /// <inheritdoc />
    public bool Remove(KeyValuePair<string, JsonElement> item) => Contains(item) && Remove(item.Key);

    /// <inheritdoc cref="IDictionary{TKey, TValue}.TryGetValue" />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_many is not null)
        {
            return _many.TryGetValue(key, out value);
        }
        if (_single is { } single && string.Equals(single.Name, key, StringComparison.Ordinal))
        {
            value = single.Value;
            return true;
        }
        value = default;
        return false;
    }

    private static IEnumerator<KeyValuePair<string, JsonElement>> Single(WireExtensionProperty property)
    {
        yield return new KeyValuePair<string, JsonElement>(property.Name, property.Value);
    }

    // The dictionary every change goes to, made on the first one from the shared property.
    private Dictionary<string, JsonElement> Many()
    {
        if (_many is null)
        {
            _many = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (_single is { } single)
            {
                _many.Add(single.Name, single.Value);
                _single = null;
            }
        }
        return _many;
    }
}
