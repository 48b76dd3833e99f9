using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U19</c> DepositResponse: the deposit created or looked up (<c>DepositID</c> -1 when not found).</summary>
[JsonConverter(typeof(EntityReportConverter<DepositResponse, Deposit>))]
[MessageType(MessageTypes.DepositResponse)]
public sealed partial record DepositResponse : DepositReport, IEntityReport<DepositResponse, Deposit>
{
    /// <summary>The request's correlation id (absent in the not-found answer).</summary>
    [CorrelationId]
    public long? DepositReqID { get; init; }
}
