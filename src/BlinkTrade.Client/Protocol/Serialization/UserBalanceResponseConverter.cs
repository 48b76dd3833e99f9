using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Reads and writes <see cref="UserBalanceResponse"/> (<c>U3</c>): known fields <c>BalanceReqID</c> and <c>ClientID</c>;
/// every digits-only key whose value is an object is a broker's balances (<c>&lt;CCY&gt;</c> = total,
/// <c>&lt;CCY&gt;_locked</c> = reserved, either may be missing in a delta); any other key is extension data.
/// </summary>
public sealed class UserBalanceResponseConverter : JsonConverter<UserBalanceResponse>
{
    /// <inheritdoc />
    public override UserBalanceResponse Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a U3 object, got {reader.TokenType}.");
        }
        long? balanceReqId = null;
        long? clientId = null;
        var brokers = new Dictionary<int, BrokerBalances>();
        Dictionary<string, JsonElement>? extension = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "MsgType":
                    BrokerKeyedJson.CheckMsgType(ref reader, MessageTypes.BalanceResponse);
                    break;
                case "BalanceReqID":
                    balanceReqId = BrokerKeyedJson.ReadNullableInt64(ref reader);
                    break;
                case "ClientID":
                    clientId = BrokerKeyedJson.ReadNullableInt64(ref reader);
                    break;
                default:
                    if (reader.TokenType == JsonTokenType.StartObject && BrokerKeyedJson.TryParseBrokerKey(name, out var brokerId))
                    {
                        var balances = ReadBalances(ref reader);
                        brokers[brokerId] = brokers.TryGetValue(brokerId, out var earlier) ? earlier.Apply(balances) : balances;
                    }
                    else
                    {
                        BrokerKeyedJson.AddExtension(ref extension, name, ref reader);
                    }
                    break;
            }
        }
        return new UserBalanceResponse
        {
            BalanceReqID = balanceReqId,
            ClientID = clientId,
            Balances = brokers,
            ExtensionData = extension,
        };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, UserBalanceResponse value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("MsgType", value.MsgType);
        if (value.BalanceReqID is { } balanceReqId)
        {
            writer.WriteNumber("BalanceReqID", balanceReqId);
        }
        if (value.ClientID is { } clientId)
        {
            writer.WriteNumber("ClientID", clientId);
        }
        foreach (var (brokerId, balances) in value.Balances)
        {
            writer.WriteStartObject(brokerId.ToString(CultureInfo.InvariantCulture));
            foreach (var (currency, balance) in balances)
            {
                if (balance.Total is { } total)
                {
                    writer.WriteNumber(currency, total.Satoshis);
                }
                if (balance.Locked is { } locked)
                {
                    writer.WriteNumber(currency + BrokerKeyedJson.LockedSuffix, locked.Satoshis);
                }
            }
            writer.WriteEndObject();
        }
        BrokerKeyedJson.WriteExtension(writer, value.ExtensionData, name => name is "MsgType" or "BalanceReqID" or "ClientID"
            || (BrokerKeyedJson.TryParseBrokerKey(name, out var id) && value.Balances.ContainsKey(id)));
        writer.WriteEndObject();
    }

    private static BrokerBalances ReadBalances(ref Utf8JsonReader reader)
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
}
