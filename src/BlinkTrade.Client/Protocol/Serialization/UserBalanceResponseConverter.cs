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
    // Streams the broker object (no list of pairs) and takes currency codes from the wire string cache: every order
    // brings a client a few U3 deltas, and their key strings ("BTC", "BTC_locked" and its cut) were most of their bytes.
    protected override BrokerBalances ReadBroker(ref Utf8JsonReader reader)
    {
        var currencies = new Dictionary<string, CurrencyBalance>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string? currency;
            bool locked;
            if (!reader.HasValueSequence && !reader.ValueIsEscaped && System.Text.Ascii.IsValid(reader.ValueSpan))
            {
                var name = reader.ValueSpan;
                locked = name.Length > LockedSuffix.Length && name.EndsWith(LockedSuffix);
                currency = WireStringCache.Get(locked ? name[..^LockedSuffix.Length] : name);
            }
            else
            {
                var key = reader.GetString()!;
                locked = key.Length > BrokerKeyedJson.LockedSuffix.Length && key.EndsWith(BrokerKeyedJson.LockedSuffix, StringComparison.Ordinal);
                currency = locked ? key[..^BrokerKeyedJson.LockedSuffix.Length] : key;
            }
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }
            var amount = Amount.FromSatoshis(WireNumbers.ReadInt64(ref reader));
            BrokerBalances.Merge(currencies, currency, locked ? new CurrencyBalance(null, amount) : new CurrencyBalance(amount, null));
        }
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("Unterminated broker object.");
        }
        return BrokerBalances.FromOwned(currencies);
    }

    private static ReadOnlySpan<byte> LockedSuffix => "_locked"u8;

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
    protected override UserBalanceResponse Create(long? requestId, long? clientId, IReadOnlyDictionary<int, BrokerBalances> brokers, Dictionary<string, JsonElement>? extension)
        => new() { BalanceReqID = requestId, ClientID = clientId, Balances = brokers, ExtensionData = extension };

    /// <inheritdoc />
    protected override (long? RequestId, long? ClientId, IReadOnlyDictionary<int, BrokerBalances> Brokers, IDictionary<string, JsonElement>? Extension) Deconstruct(UserBalanceResponse value)
        => (value.BalanceReqID, value.ClientID, value.Balances, value.ExtensionData);
}
