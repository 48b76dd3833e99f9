using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace BlinkTrade.Client.Protocol;

/// <summary>The balances a user holds with one broker: currency code → <see cref="CurrencyBalance"/>.</summary>
public sealed class BrokerBalances : IReadOnlyDictionary<string, CurrencyBalance>
{
    // Merged balances up to this many currencies are kept as an array of pairs rather than a dictionary.
    private const int SmallLimit = 8;

    // Exactly one is set. A parsed frame or the exchange's own balances hold a dictionary; Apply (every unsolicited
    // U3, on the client's receive loop) makes a new instance per update, and for an account's few currencies a copy of
    // the pairs with the changed ones replaced is one small array instead of a dictionary (object, buckets, entries)
    // rehashed per update. Neither is changed after construction: a published snapshot stays as it was.
    private readonly Dictionary<string, CurrencyBalance>? _map;
    private readonly KeyValuePair<string, CurrencyBalance>[]? _pairs;

    /// <summary>An empty set of balances.</summary>
    public static BrokerBalances Empty { get; } = new(new Dictionary<string, CurrencyBalance>(StringComparer.Ordinal));

    /// <summary>Creates the balances from (currency, balance) pairs; a repeated currency is merged.</summary>
    /// <param name="currencies">The balances by currency code.</param>
    public BrokerBalances(IEnumerable<KeyValuePair<string, CurrencyBalance>> currencies)
    {
        ArgumentNullException.ThrowIfNull(currencies);
        _map = new Dictionary<string, CurrencyBalance>(StringComparer.Ordinal);
        foreach (var (currency, balance) in currencies)
        {
            ArgumentNullException.ThrowIfNull(currency);
            Merge(_map, currency, balance);
        }
    }

    private BrokerBalances(Dictionary<string, CurrencyBalance> currencies) => _map = currencies;

    private BrokerBalances(KeyValuePair<string, CurrencyBalance>[] pairs) => _pairs = pairs;

    /// <inheritdoc />
    public CurrencyBalance this[string key]
        => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No balance in '{key}'.");

    /// <inheritdoc />
    public IEnumerable<string> Keys => _map?.Keys ?? (IEnumerable<string>)Array.ConvertAll(_pairs!, static p => p.Key);

    /// <inheritdoc />
    public IEnumerable<CurrencyBalance> Values => _map?.Values ?? (IEnumerable<CurrencyBalance>)Array.ConvertAll(_pairs!, static p => p.Value);

    /// <inheritdoc />
    public int Count => _map?.Count ?? _pairs!.Length;

    /// <inheritdoc />
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out CurrencyBalance value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_map is not null)
        {
            return _map.TryGetValue(key, out value);
        }
        var i = IndexOf(_pairs!, _pairs!.Length, key);
        value = i >= 0 ? _pairs![i].Value : default;
        return i >= 0;
    }

    /// <summary>Merges a delta (an unsolicited <c>U3</c> carries only the changed currencies and parts).</summary>
    /// <param name="delta">The newer balances.</param>
    /// <returns>The merged balances; currencies absent from the delta are kept.</returns>
    public BrokerBalances Apply(BrokerBalances delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        return delta._map is { } map ? Apply(map.GetEnumerator()) : Apply(new ArraySegment<KeyValuePair<string, CurrencyBalance>>(delta._pairs!).GetEnumerator());
    }

    // Generic over the delta's struct enumerator (either form), so no enumerator is boxed; a copy of an unstarted
    // enumerator enumerates again from the start.
    private BrokerBalances Apply<TDelta>(TDelta delta)
        where TDelta : struct, IEnumerator<KeyValuePair<string, CurrencyBalance>>
    {
        var added = 0;
        var counting = delta;
        while (counting.MoveNext())
        {
            if (!ContainsKey(counting.Current.Key))
            {
                added++;
            }
        }
        var count = Count + added;
        if (count > SmallLimit)
        {
            // Copying a dictionary with the same comparer copies its entries as they are (no rehash, same order).
            var merged = _map is not null ? new Dictionary<string, CurrencyBalance>(_map, StringComparer.Ordinal) : new Dictionary<string, CurrencyBalance>(_pairs!, StringComparer.Ordinal);
            while (delta.MoveNext())
            {
                Merge(merged, delta.Current.Key, delta.Current.Value);
            }
            return new BrokerBalances(merged);
        }
        // This one's pairs in order, then the delta's new currencies in its order: what a dictionary copy merged in
        // place would enumerate.
        var pairs = new KeyValuePair<string, CurrencyBalance>[count];
        var used = 0;
        if (_map is not null)
        {
            foreach (var pair in _map)
            {
                pairs[used++] = pair;
            }
        }
        else
        {
            _pairs!.CopyTo(pairs, 0);
            used = _pairs!.Length;
        }
        while (delta.MoveNext())
        {
            var (currency, balance) = delta.Current;
            var i = IndexOf(pairs, used, currency);
            if (i >= 0)
            {
                pairs[i] = new(currency, pairs[i].Value.Apply(balance));
            }
            else
            {
                pairs[used++] = new(currency, balance);
            }
        }
        return new BrokerBalances(pairs);
    }

    /// <summary>The balances as a dictionary (read-only use), for the serializer's struct enumerator: the one held,
    /// or a copy of merged pairs.</summary>
    internal Dictionary<string, CurrencyBalance> Currencies => _map ?? new Dictionary<string, CurrencyBalance>(_pairs!, StringComparer.Ordinal);

    /// <summary>Wraps a dictionary the caller built with <see cref="Merge"/> and no longer touches (no copy).</summary>
    internal static BrokerBalances FromOwned(Dictionary<string, CurrencyBalance> currencies) => new(currencies);

    /// <summary>Adds a currency's balance to <paramref name="currencies"/>, merging with one already there.</summary>
    internal static void Merge(Dictionary<string, CurrencyBalance> currencies, string currency, CurrencyBalance balance)
        => currencies[currency] = currencies.TryGetValue(currency, out var current) ? current.Apply(balance) : balance;

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, CurrencyBalance>> GetEnumerator()
        => _map?.GetEnumerator() ?? ((IEnumerable<KeyValuePair<string, CurrencyBalance>>)_pairs!).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The balances, e.g. <c>BTC=1.5/0.1 USD=20</c> (total/locked).</summary>
    /// <returns>A readable form.</returns>
    public override string ToString()
        => string.Join(' ', this.Select(c => $"{c.Key}={c.Value.Total?.ToString() ?? "?"}" + (c.Value.Locked is { } locked ? $"/{locked}" : string.Empty)));

    private static int IndexOf(KeyValuePair<string, CurrencyBalance>[] pairs, int count, string currency)
    {
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(pairs[i].Key, currency, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}
