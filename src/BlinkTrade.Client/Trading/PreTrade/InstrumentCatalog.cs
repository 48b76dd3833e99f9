using System.Collections.Frozen;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Trading;

/// <summary>
/// The exchange's instruments for the pre-trade checks: read (<c>x</c> → <c>y</c>) while a logged-in connection is
/// restored (<see cref="Prime"/>), so the first order pays no extra round trip, or else when the first order needs
/// them; shared by concurrent orders, forgotten when the connection is lost. A symbol the cached list does not know
/// reads the list once more before it is called unknown — once per symbol and list, so an application repeating an
/// unknown symbol does not send a request per order. A read that failed is not kept: the next order reads again.
/// </summary>
/// <param name="fetch">Reads the list for an order (the client's <c>GetSecurityListAsync</c>: waits for a ready
/// session, paced, correlated, timed out).</param>
/// <param name="defaultMinimum">The minimum for an instrument whose entry carries none, in satoshis.</param>
internal sealed class InstrumentCatalog(Func<CancellationToken, Task<SecurityList>> fetch, long? defaultMinimum)
{
    private readonly object _gate = new();
    private Loaded? _current;

    /// <summary>The rules of <paramref name="symbol"/>, or <see langword="null"/> when the exchange does not list it.</summary>
    public async Task<InstrumentRules?> FindAsync(string symbol, CancellationToken cancellationToken)
    {
        var loaded = Current(null);
        var rules = await loaded.Rules.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (rules.TryGetValue(symbol, out var found))
        {
            return found;
        }
        if (loaded.ReadFor == symbol)
        {
            return null;
        }
        // Maybe listed since the list was read: read it again, once for this symbol.
        rules = await Current(loaded, symbol).Rules.WaitAsync(cancellationToken).ConfigureAwait(false);
        return rules.GetValueOrDefault(symbol);
    }

    /// <summary>The rules of <paramref name="symbol"/> without waiting, when the list is in hand and answers for it
    /// (lists it, or was read again for it): what <see cref="FindAsync"/> would return. <see langword="false"/> when
    /// the list is still being read, failed, or must be read again for this symbol.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="rules">The rules, or <see langword="null"/> when the exchange does not list it.</param>
    public bool TryFind(string symbol, out InstrumentRules? rules)
    {
        if (Volatile.Read(ref _current) is { Rules.IsCompletedSuccessfully: true } loaded)
        {
            if (loaded.Rules.Result.TryGetValue(symbol, out var found))
            {
                rules = found;
                return true;
            }
            if (loaded.ReadFor == symbol)
            {
                rules = null;
                return true;
            }
        }
        rules = null;
        return false;
    }

    /// <summary>Reads the list with <paramref name="reading"/> (the restore's own request on the new connection) and
    /// keeps it for the orders that follow.</summary>
    public Task Prime(Task<SecurityList> reading)
    {
        var loaded = new Loaded(ToRules(reading), null);
        lock (_gate)
        {
            _current = loaded;
        }
        return loaded.Rules;
    }

    /// <summary>Forgets the list: the next order reads it again (after a reconnect the exchange may list others).</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _current = null;
        }
    }

    // The list being read or read; replaces `stale` (when it is still the current one) with a new read for `readFor`.
    private Loaded Current(Loaded? stale, string? readFor = null)
    {
        lock (_gate)
        {
            if (_current is { } current && !ReferenceEquals(current, stale) && !current.Rules.IsFaulted && !current.Rules.IsCanceled)
            {
                return current;
            }
            // Not bound to the first caller's token: other orders share the read; each stops waiting on its own token.
            return _current = new Loaded(ToRules(fetch(CancellationToken.None)), readFor);
        }
    }

    private async Task<FrozenDictionary<string, InstrumentRules>> ToRules(Task<SecurityList> reading)
    {
        var list = await reading.ConfigureAwait(false);
        var pips = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var currency in list.Currencies ?? [])
        {
            if (currency.Code is { } code && currency.Pip is { } pip and > 0)
            {
                pips[code] = pip;
            }
        }
        var rules = new Dictionary<string, InstrumentRules>(StringComparer.Ordinal);
        foreach (var instrument in list.Instruments ?? [])
        {
            if (instrument.Symbol is not { Length: > 0 } symbol)
            {
                continue;
            }
            var pip = instrument.Currency is { } quote && pips.TryGetValue(quote, out var p) ? p : 1;
            var minimum = instrument.MinQty is { Satoshis: > 0 } min ? min.Satoshis : defaultMinimum;
            rules[symbol] = new InstrumentRules(symbol, pip, minimum);
        }
        return rules.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record Loaded(Task<FrozenDictionary<string, InstrumentRules>> Rules, string? ReadFor);
}
