using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U7</c> WithdrawResponse: the created withdrawal (engine-2015: only id and status).</summary>
[JsonConverter(typeof(EntityReportConverter<WithdrawResponse, Withdrawal>))]
[MessageType(MessageTypes.WithdrawResponse)]
public sealed partial record WithdrawResponse : WithdrawReport, IEntityReport<WithdrawResponse, Withdrawal>
{
    /// <summary>The request's correlation id.</summary>
    [CorrelationId]
    public long WithdrawReqID { get; init; }
}
