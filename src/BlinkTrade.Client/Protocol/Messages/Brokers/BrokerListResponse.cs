using System.Text.Json.Serialization;
namespace BlinkTrade.Client.Protocol;

/// <summary><c>U29</c> BrokerListResponse: on the wire <c>Columns</c> + <c>BrokerListGrp</c> rows of arrays, read as typed rows.</summary>
[MessageType(MessageTypes.BrokerListResponse)]
public sealed partial record BrokerListResponse : PagedMessage
{
    /// <summary>The request's correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    [CorrelationId]
    public long BrokerListReqID { get; init; }

    /// <summary>The brokers.</summary>
    public IReadOnlyList<BrokerInfo>? BrokerListGrp { get; init; }
}
