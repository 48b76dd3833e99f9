using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace BlinkTrade.Client.Internal;

/// <summary>
/// A read-only dictionary of exactly one entry: what the exchange's <c>U3</c> delta holds (one broker), at a fraction of
/// a <see cref="Dictionary{TKey, TValue}"/>'s size (it is built for every balance change the exchange publishes).
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
/// <param name="key">The key.</param>
/// <param name="value">The value.</param>
internal sealed class SingleEntryDictionary<TKey, TValue>(TKey key, TValue value) : IReadOnlyDictionary<TKey, TValue>
    where TKey : notnull
{
    /// <summary>The key.</summary>
    public TKey Key { get; } = key;

    /// <summary>The value.</summary>
    public TValue Value { get; } = value;

    /// <inheritdoc />
    public int Count => 1;

    /// <inheritdoc />
    public IEnumerable<TKey> Keys => [Key];

    /// <inheritdoc />
    public IEnumerable<TValue> Values => [Value];

    /// <inheritdoc />
    public TValue this[TKey key] => ContainsKey(key) ? Value : throw new KeyNotFoundException($"The key '{key}' was not present in the dictionary.");

    /// <inheritdoc />
    public bool ContainsKey(TKey key) => EqualityComparer<TKey>.Default.Equals(Key, key);

    /// <inheritdoc />
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        var found = ContainsKey(key);
        value = found ? Value : default;
        return found;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        yield return new KeyValuePair<TKey, TValue>(Key, Value);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
