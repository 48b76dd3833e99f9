using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U31</c> DepositListResponse: one page of deposits (column-oriented <c>DepositListGrp</c> on the wire).</summary>
[MessageType(MessageTypes.DepositListResponse)]
public sealed partial record DepositListResponse : PagedMessage
{
    /// <summary>The request's correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    [CorrelationId]
    public long DepositListReqID { get; init; }

    /// <summary>The deposits.</summary>
    public IReadOnlyList<Deposit> DepositListGrp { get; init; } = [];
}
