using System.Text;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Account;

/// <summary>
/// The account's balances per broker and currency after the latest <c>U3</c>: a full response replaces a broker's
/// balances, an unsolicited update (only the changed currencies, G30) is merged in. Each
/// <see cref="CurrencyBalance"/> has <c>Total</c>, <c>Locked</c> and <c>Available = Total − Locked</c> (G4).
/// </summary>
/// <param name="Brokers">Balances per broker id.</param>
/// <param name="Timestamp">When the client applied the latest change.</param>
public sealed record BalanceSnapshot(IReadOnlyDictionary<int, BrokerBalances> Brokers, DateTimeOffset Timestamp)
{
    /// <summary>The balance of <paramref name="currency"/> at <paramref name="brokerId"/> (or at the only/first broker
    /// holding it when <see langword="null"/>).</summary>
    /// <param name="currency">The currency code, e.g. <c>BTC</c>.</param>
    /// <param name="brokerId">The broker id.</param>
    /// <returns>The balance, or <see langword="null"/> when unknown.</returns>
    public CurrencyBalance? Get(string currency, int? brokerId = null)
    {
        foreach (var (id, balances) in Brokers)
        {
            if ((brokerId is null || brokerId == id) && balances.TryGetValue(currency, out var balance))
            {
                return balance;
            }
        }
        return null;
    }

    // The compiler's printer would print the dictionary's type name.
    private bool PrintMembers(StringBuilder builder) =>
        RecordText.Print(builder, false, (nameof(Brokers), RecordText.Map(Brokers)), (nameof(Timestamp), Timestamp));
}
