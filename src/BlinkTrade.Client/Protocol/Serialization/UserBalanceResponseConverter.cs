using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Reads and writes <see cref="UserBalanceResponse"/> (<c>U3</c>): known fields <c>BalanceReqID</c> and <c>ClientID</c>;
/// every digits-only key whose value is an object is a broker's balances (<c>&lt;CCY&gt;</c> = total,
/// <c>&lt;CCY&gt;_locked</c> = reserved, either may be missing in a delta); any other key is extension data.
/// </summary>
internal sealed class UserBalanceResponseConverter : BrokerKeyedResponseConverter<UserBalanceResponse, BrokerBalances>
{
    /// <inheritdoc />
    protected override string MsgType => MessageTypes.BalanceResponse;

    /// <inheritdoc />
    protected override string RequestIdField => "BalanceReqID";

    /// <inheritdoc />
    protected override BrokerBalances ReadBroker(ref Utf8JsonReader reader)
    {
        var currencies = new Dictionary<string, CurrencyBalance>(StringComparer.Ordinal);
        foreach (var (key, satoshis) in BrokerKeyedJson.ReadCurrencyObject(ref reader))
        {
            var amount = Amount.FromSatoshis(satoshis);
            if (key.Length > BrokerKeyedJson.LockedSuffix.Length && key.EndsWith(BrokerKeyedJson.LockedSuffix, StringComparison.Ordinal))
            {
                BrokerBalances.Merge(currencies, key[..^BrokerKeyedJson.LockedSuffix.Length], new CurrencyBalance(null, amount));
            }
            else
            {
                BrokerBalances.Merge(currencies, key, new CurrencyBalance(amount, null));
            }
        }
        return BrokerBalances.FromOwned(currencies);
    }

    /// <inheritdoc />
    protected override BrokerBalances Merge(BrokerBalances earlier, BrokerBalances later) => earlier.Apply(later);

    /// <inheritdoc />
    protected override void WriteBroker(Utf8JsonWriter writer, BrokerBalances value)
    {
        foreach (var (currency, balance) in value.Currencies)
        {
            if (balance.Total is { } total)
            {
                writer.WriteNumber(currency, total.Satoshis);
            }
            if (balance.Locked is { } locked)
            {
                WriteLocked(writer, currency, locked.Satoshis);
            }
        }
    }

    // <CCY>_locked, composed in UTF-8 on the stack (currency codes are short) rather than as a string per currency.
    private static void WriteLocked(Utf8JsonWriter writer, string currency, long satoshis)
    {
        if (currency.Length > 32)
        {
            writer.WriteNumber(currency + BrokerKeyedJson.LockedSuffix, satoshis);
            return;
        }
        Span<byte> name = stackalloc byte[(32 * 3) + 7];
        var length = System.Text.Encoding.UTF8.GetBytes(currency, name);
        length += System.Text.Encoding.UTF8.GetBytes(BrokerKeyedJson.LockedSuffix, name[length..]);
        writer.WriteNumber(name[..length], satoshis);
    }

    /// <inheritdoc />
    protected override UserBalanceResponse Create(long? requestId, long? clientId, Dictionary<int, BrokerBalances> brokers, Dictionary<string, JsonElement>? extension)
        => new() { BalanceReqID = requestId, ClientID = clientId, Balances = brokers, ExtensionData = extension };

    /// <inheritdoc />
    protected override (long? RequestId, long? ClientId, IReadOnlyDictionary<int, BrokerBalances> Brokers, IDictionary<string, JsonElement>? Extension) Deconstruct(UserBalanceResponse value)
        => (value.BalanceReqID, value.ClientID, value.Balances, value.ExtensionData);
}
