using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace BlinkTrade.Client.Protocol;

/// <summary>The balances a user holds with one broker: currency code → <see cref="CurrencyBalance"/>.</summary>
public sealed class BrokerBalances : IReadOnlyDictionary<string, CurrencyBalance>
{
    private readonly Dictionary<string, CurrencyBalance> _currencies;

    /// <summary>An empty set of balances.</summary>
    public static BrokerBalances Empty { get; } = new([]);

    /// <summary>Creates the balances from (currency, balance) pairs; a repeated currency is merged.</summary>
    /// <param name="currencies">The balances by currency code.</param>
    public BrokerBalances(IEnumerable<KeyValuePair<string, CurrencyBalance>> currencies)
    {
        ArgumentNullException.ThrowIfNull(currencies);
        _currencies = new Dictionary<string, CurrencyBalance>(StringComparer.Ordinal);
        foreach (var (currency, balance) in currencies)
        {
            ArgumentNullException.ThrowIfNull(currency);
            Merge(_currencies, currency, balance);
        }
    }

    private BrokerBalances(Dictionary<string, CurrencyBalance> currencies) => _currencies = currencies;

    /// <inheritdoc />
    public CurrencyBalance this[string key] => _currencies[key];

    /// <inheritdoc />
    public IEnumerable<string> Keys => _currencies.Keys;

    /// <inheritdoc />
    public IEnumerable<CurrencyBalance> Values => _currencies.Values;

    /// <inheritdoc />
    public int Count => _currencies.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => _currencies.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out CurrencyBalance value) => _currencies.TryGetValue(key, out value);

    /// <summary>Merges a delta (an unsolicited <c>U3</c> carries only the changed currencies and parts).</summary>
    /// <param name="delta">The newer balances.</param>
    /// <returns>The merged balances; currencies absent from the delta are kept.</returns>
    public BrokerBalances Apply(BrokerBalances delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        // Copying a dictionary with the same comparer copies its entries as they are (no rehash, same order); the
        // delta then merges in. Runs on the receive loop for every balance update.
        var merged = new Dictionary<string, CurrencyBalance>(_currencies, StringComparer.Ordinal);
        foreach (var (currency, balance) in delta._currencies)
        {
            Merge(merged, currency, balance);
        }
        return new BrokerBalances(merged);
    }

    /// <summary>The dictionary itself (read-only use), for the serializer's struct enumerator.</summary>
    internal Dictionary<string, CurrencyBalance> Currencies => _currencies;

    /// <summary>Wraps a dictionary the caller built with <see cref="Merge"/> and no longer touches (no copy).</summary>
    internal static BrokerBalances FromOwned(Dictionary<string, CurrencyBalance> currencies) => new(currencies);

    /// <summary>Adds a currency's balance to <paramref name="currencies"/>, merging with one already there.</summary>
    internal static void Merge(Dictionary<string, CurrencyBalance> currencies, string currency, CurrencyBalance balance)
        => currencies[currency] = currencies.TryGetValue(currency, out var current) ? current.Apply(balance) : balance;

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, CurrencyBalance>> GetEnumerator() => _currencies.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The balances, e.g. <c>BTC=1.5/0.1 USD=20</c> (total/locked).</summary>
    /// <returns>A readable form.</returns>
    public override string ToString()
        => string.Join(' ', _currencies.Select(c => $"{c.Key}={c.Value.Total?.ToString() ?? "?"}" + (c.Value.Locked is { } locked ? $"/{locked}" : string.Empty)));
}
