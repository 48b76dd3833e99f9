using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U30</c> DepositListRequest: one page of deposits.</summary>
[MessageType(MessageTypes.DepositListRequest)]
public sealed partial record DepositListRequest : FundingListRequest<DepositStatus>
{
    /// <summary>Correlation id echoed in the <see cref="DepositListResponse"/>.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    [CorrelationId]
    public required long DepositListReqID { get; init; }
}
