using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U27</c> WithdrawListResponse: one page of withdrawals (column-oriented <c>WithdrawListGrp</c> on the wire).</summary>
[MessageType(MessageTypes.WithdrawListResponse)]
public sealed partial record WithdrawListResponse : PagedMessage
{
    /// <summary>The request's correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    [CorrelationId]
    public long WithdrawListReqID { get; init; }

    /// <summary>The withdrawals.</summary>
    public IReadOnlyList<Withdrawal> WithdrawListGrp { get; init; } = [];
}
