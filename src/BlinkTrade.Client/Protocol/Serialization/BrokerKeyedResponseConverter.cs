using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Internal;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The envelope shared by the broker-keyed responses (<c>U3</c> balances, <c>U43</c> positions): <c>MsgType</c>, a request
/// id, <c>ClientID</c>, then one object per broker under a digits-only key; any other key is extension data. Subclasses
/// say how one broker's object is read, merged (a key may repeat in a delta) and written.
/// </summary>
/// <typeparam name="TMessage">The response record.</typeparam>
/// <typeparam name="TBroker">One broker's values.</typeparam>
internal abstract class BrokerKeyedResponseConverter<TMessage, TBroker> : JsonConverter<TMessage>
    where TMessage : BlinkTradeMessage
{
    /// <summary>The message's MsgType (checked on read).</summary>
    protected abstract string MsgType { get; }

    /// <summary>The name of the request-id field (<c>BalanceReqID</c>, <c>PositionReqID</c>).</summary>
    protected abstract string RequestIdField { get; }

    /// <summary>Reads one broker's object; the reader is on its <c>StartObject</c>.</summary>
    protected abstract TBroker ReadBroker(ref Utf8JsonReader reader);

    /// <summary>Combines two objects of the same broker in one message (the later one wins per key).</summary>
    protected abstract TBroker Merge(TBroker earlier, TBroker later);

    /// <summary>Writes one broker's fields (inside its object).</summary>
    protected abstract void WriteBroker(Utf8JsonWriter writer, TBroker value);

    /// <summary>Builds the message from what was read.</summary>
    protected abstract TMessage Create(long? requestId, long? clientId, IReadOnlyDictionary<int, TBroker> brokers, Dictionary<string, JsonElement>? extension);

    /// <summary>The message's request id, client id, brokers and extension data, for writing.</summary>
    protected abstract (long? RequestId, long? ClientId, IReadOnlyDictionary<int, TBroker> Brokers, IDictionary<string, JsonElement>? Extension) Deconstruct(TMessage value);

    /// <inheritdoc />
    public sealed override TMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a {MsgType} object, got {reader.TokenType}.");
        }
        long? requestId = null;
        long? clientId = null;
        // A U3 delta names one broker: it is kept in a one-entry map, a dictionary only from the second broker on.
        var brokerCount = 0;
        int firstId = 0;
        TBroker? first = default;
        Dictionary<int, TBroker>? brokers = null;
        Dictionary<string, JsonElement>? extension = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Names compared on their UTF-8 bytes (unescaped by the reader where needed); a string only for extension data.
            var isMsgType = reader.ValueTextEquals("MsgType"u8);
            var isRequestId = !isMsgType && reader.ValueTextEquals(RequestIdField);
            var isClientId = !isMsgType && !isRequestId && reader.ValueTextEquals("ClientID"u8);
            var brokerId = 0;
            var isBrokerKey = !isMsgType && !isRequestId && !isClientId && TryReadBrokerKey(ref reader, out brokerId);
            var name = isMsgType || isRequestId || isClientId ? null
                : isBrokerKey ? null
                : reader.GetString()!;
            reader.Read();
            if (isMsgType)
            {
                BrokerKeyedJson.CheckMsgType(ref reader, MsgType);
            }
            else if (isRequestId)
            {
                requestId = BrokerKeyedJson.ReadNullableInt64(ref reader);
            }
            else if (isClientId)
            {
                clientId = BrokerKeyedJson.ReadNullableInt64(ref reader);
            }
            else if (isBrokerKey && reader.TokenType == JsonTokenType.StartObject)
            {
                var values = ReadBroker(ref reader);
                if (brokerCount == 0)
                {
                    (firstId, first, brokerCount) = (brokerId, values, 1);
                }
                else if (brokerCount == 1 && brokerId == firstId)
                {
                    first = Merge(first!, values);
                }
                else
                {
                    if (brokers is null)
                    {
                        brokers = new Dictionary<int, TBroker> { [firstId] = first! };
                        brokerCount = 2;
                    }
                    brokers[brokerId] = brokers.TryGetValue(brokerId, out var earlier) ? Merge(earlier, values) : values;
                }
            }
            else
            {
                // A broker key's text is its canonical digits, so its string is the id's.
                BrokerKeyedJson.AddExtension(ref extension, name ?? brokerId.ToString(CultureInfo.InvariantCulture), ref reader);
            }
        }
        IReadOnlyDictionary<int, TBroker> all = brokers
            ?? (brokerCount == 1 ? new SingleEntryDictionary<int, TBroker>(firstId, first!) : (IReadOnlyDictionary<int, TBroker>)new Dictionary<int, TBroker>());
        return Create(requestId, clientId, all, extension);
    }

    // Whether the current property name is a broker id (digits only, canonical), read from its bytes when unescaped.
    private static bool TryReadBrokerKey(ref Utf8JsonReader reader, out int brokerId)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return BrokerKeyedJson.TryParseBrokerKey(reader.GetString()!, out brokerId);
        }
        var digits = reader.ValueSpan;
        brokerId = 0;
        if (digits.IsEmpty || digits.Length > 10 || (digits[0] == '0' && digits.Length > 1))
        {
            return false;
        }
        long value = 0;
        foreach (var digit in digits)
        {
            if ((uint)(digit - '0') > 9)
            {
                return false;
            }
            value = (value * 10) + (digit - '0');
        }
        if (value > int.MaxValue)
        {
            return false;
        }
        brokerId = (int)value;
        return true;
    }

    /// <inheritdoc />
    public sealed override void Write(Utf8JsonWriter writer, TMessage value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var (requestId, clientId, brokers, extension) = Deconstruct(value);
        writer.WriteStartObject();
        writer.WriteString("MsgType", value.MsgType);
        if (requestId is { } id)
        {
            writer.WriteNumber(RequestIdField, id);
        }
        if (clientId is { } client)
        {
            writer.WriteNumber("ClientID", client);
        }
        // The exchange publishes a U3 delta on every balance change: no enumerator boxed, no key string, no closure
        // unless there is extension data to filter.
        if (brokers is SingleEntryDictionary<int, TBroker> one)
        {
            WriteBroker(writer, one.Key, one.Value);
        }
        else if (brokers is Dictionary<int, TBroker> dictionary)
        {
            foreach (var (brokerId, values) in dictionary)
            {
                WriteBroker(writer, brokerId, values);
            }
        }
        else
        {
            foreach (var (brokerId, values) in brokers)
            {
                WriteBroker(writer, brokerId, values);
            }
        }
        if (extension is not null)
        {
            WriteExtension(writer, extension, brokers);
        }
        writer.WriteEndObject();
    }

    private void WriteBroker(Utf8JsonWriter writer, int brokerId, TBroker values)
    {
        Span<byte> key = stackalloc byte[11];
        brokerId.TryFormat(key, out var length, default, CultureInfo.InvariantCulture);
        writer.WriteStartObject(key[..length]);
        WriteBroker(writer, values);
        writer.WriteEndObject();
    }

    private void WriteExtension(Utf8JsonWriter writer, IDictionary<string, JsonElement> extension, IReadOnlyDictionary<int, TBroker> brokers)
        => BrokerKeyedJson.WriteExtension(writer, extension, name => name == "MsgType" || name == RequestIdField || name == "ClientID"
            || (BrokerKeyedJson.TryParseBrokerKey(name, out var broker) && brokers.ContainsKey(broker)));
}
