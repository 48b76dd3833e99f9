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
    protected abstract TMessage Create(long? requestId, long? clientId, Dictionary<int, TBroker> brokers, Dictionary<string, JsonElement>? extension);

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
        var brokers = new Dictionary<int, TBroker>();
        Dictionary<string, JsonElement>? extension = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name == "MsgType")
            {
                BrokerKeyedJson.CheckMsgType(ref reader, MsgType);
            }
            else if (name == RequestIdField)
            {
                requestId = BrokerKeyedJson.ReadNullableInt64(ref reader);
            }
            else if (name == "ClientID")
            {
                clientId = BrokerKeyedJson.ReadNullableInt64(ref reader);
            }
            else if (reader.TokenType == JsonTokenType.StartObject && BrokerKeyedJson.TryParseBrokerKey(name, out var brokerId))
            {
                var values = ReadBroker(ref reader);
                brokers[brokerId] = brokers.TryGetValue(brokerId, out var earlier) ? Merge(earlier, values) : values;
            }
            else
            {
                BrokerKeyedJson.AddExtension(ref extension, name, ref reader);
            }
        }
        return Create(requestId, clientId, brokers, extension);
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
