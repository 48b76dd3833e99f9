using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U71</c> CancelWithdrawalResponse: the cancelled withdrawal.</summary>
[JsonConverter(typeof(EntityReportConverter<CancelWithdrawalResponse, Withdrawal>))]
[MessageType(MessageTypes.CancelWithdrawalResponse)]
public sealed partial record CancelWithdrawalResponse : WithdrawReport, IEntityReport<CancelWithdrawalResponse, Withdrawal>
{
    /// <summary>The request's correlation id.</summary>
    [CorrelationId]
    public long WithdrawCancelReqID { get; init; }
}
