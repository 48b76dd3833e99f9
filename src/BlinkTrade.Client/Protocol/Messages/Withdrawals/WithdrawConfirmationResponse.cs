using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U25</c> WithdrawConfirmationResponse: the withdrawal (status <c>"1"</c> when confirmed; unchanged, or
/// <c>"0"</c> for a bad token, when not).</summary>
[JsonConverter(typeof(EntityReportConverter<WithdrawConfirmationResponse, Withdrawal>))]
[MessageType(MessageTypes.WithdrawConfirmationResponse)]
public sealed partial record WithdrawConfirmationResponse : WithdrawReport, IEntityReport<WithdrawConfirmationResponse, Withdrawal>
{
    /// <summary>The request's correlation id.</summary>
    [CorrelationId]
    public long WithdrawReqID { get; init; }
}
