using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U26</c> WithdrawListRequest: one page of withdrawals.</summary>
[MessageType(MessageTypes.WithdrawListRequest)]
public sealed partial record WithdrawListRequest : FundingListRequest<WithdrawStatus>
{
    /// <summary>Correlation id echoed in the <see cref="WithdrawListResponse"/>.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    [CorrelationId]
    public required long WithdrawListReqID { get; init; }
}
