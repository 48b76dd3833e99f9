using System.Text.Json;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// Reads and writes <see cref="PositionResponse"/> (<c>U43</c>): known fields <c>PositionReqID</c> and <c>ClientID</c>;
/// every digits-only key whose value is an object is a broker's positions (currency → integer); any other key is
/// extension data.
/// </summary>
internal sealed class PositionResponseConverter : BrokerKeyedResponseConverter<PositionResponse, IReadOnlyDictionary<string, Amount>>
{
    /// <inheritdoc />
    protected override string MsgType => MessageTypes.PositionResponse;

    /// <inheritdoc />
    protected override string RequestIdField => "PositionReqID";

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, Amount> ReadBroker(ref Utf8JsonReader reader)
    {
        var positions = new Dictionary<string, Amount>(StringComparer.Ordinal);
        foreach (var (currency, satoshis) in BrokerKeyedJson.ReadCurrencyObject(ref reader))
        {
            positions[currency] = Amount.FromSatoshis(satoshis);
        }
        return positions;
    }

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, Amount> Merge(IReadOnlyDictionary<string, Amount> earlier, IReadOnlyDictionary<string, Amount> later) => later;

    /// <inheritdoc />
    protected override void WriteBroker(Utf8JsonWriter writer, IReadOnlyDictionary<string, Amount> value)
    {
        foreach (var (currency, amount) in value)
        {
            writer.WriteNumber(currency, amount.Satoshis);
        }
    }

    /// <inheritdoc />
    protected override PositionResponse Create(long? requestId, long? clientId, IReadOnlyDictionary<int, IReadOnlyDictionary<string, Amount>> brokers, Dictionary<string, JsonElement>? extension)
        => new() { PositionReqID = requestId, ClientID = clientId, Positions = brokers, ExtensionData = extension };

    /// <inheritdoc />
    protected override (long? RequestId, long? ClientId, IReadOnlyDictionary<int, IReadOnlyDictionary<string, Amount>> Brokers, IDictionary<string, JsonElement>? Extension) Deconstruct(PositionResponse value)
        => (value.PositionReqID, value.ClientID, value.Positions, value.ExtensionData);
}
