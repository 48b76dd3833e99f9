using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Reads and writes <see cref="PositionResponse"/> (<c>U43</c>): known fields <c>PositionReqID</c> and <c>ClientID</c>;
/// every digits-only key whose value is an object is a broker's positions (currency → integer); any other key is
/// extension data.
/// </summary>
public sealed class PositionResponseConverter : JsonConverter<PositionResponse>
{
    /// <inheritdoc />
    public override PositionResponse Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a U43 object, got {reader.TokenType}.");
        }
        long? positionReqId = null;
        long? clientId = null;
        var brokers = new Dictionary<int, IReadOnlyDictionary<string, Amount>>();
        Dictionary<string, JsonElement>? extension = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "MsgType":
                    BrokerKeyedJson.CheckMsgType(ref reader, MessageTypes.PositionResponse);
                    break;
                case "PositionReqID":
                    positionReqId = BrokerKeyedJson.ReadNullableInt64(ref reader);
                    break;
                case "ClientID":
                    clientId = BrokerKeyedJson.ReadNullableInt64(ref reader);
                    break;
                default:
                    if (reader.TokenType == JsonTokenType.StartObject && BrokerKeyedJson.TryParseBrokerKey(name, out var brokerId))
                    {
                        var positions = new Dictionary<string, Amount>(StringComparer.Ordinal);
                        foreach (var (currency, satoshis) in BrokerKeyedJson.ReadCurrencyObject(ref reader))
                        {
                            positions[currency] = Amount.FromSatoshis(satoshis);
                        }
                        brokers[brokerId] = positions;
                    }
                    else
                    {
                        BrokerKeyedJson.AddExtension(ref extension, name, ref reader);
                    }
                    break;
            }
        }
        return new PositionResponse
        {
            PositionReqID = positionReqId,
            ClientID = clientId,
            Positions = brokers,
            ExtensionData = extension,
        };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, PositionResponse value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("MsgType", value.MsgType);
        if (value.PositionReqID is { } positionReqId)
        {
            writer.WriteNumber("PositionReqID", positionReqId);
        }
        if (value.ClientID is { } clientId)
        {
            writer.WriteNumber("ClientID", clientId);
        }
        foreach (var (brokerId, positions) in value.Positions)
        {
            writer.WriteStartObject(brokerId.ToString(CultureInfo.InvariantCulture));
            foreach (var (currency, amount) in positions)
            {
                writer.WriteNumber(currency, amount.Satoshis);
            }
            writer.WriteEndObject();
        }
        BrokerKeyedJson.WriteExtension(writer, value.ExtensionData, name => name is "MsgType" or "PositionReqID" or "ClientID"
            || (BrokerKeyedJson.TryParseBrokerKey(name, out var id) && value.Positions.ContainsKey(id)));
        writer.WriteEndObject();
    }
}
