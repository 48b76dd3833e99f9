using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U23</c> DepositRefresh: unsolicited, a deposit was created or changed (to the account and its broker).</summary>
[JsonConverter(typeof(EntityReportConverter<DepositRefresh, Deposit>))]
[MessageType(MessageTypes.DepositRefresh)]
public sealed partial record DepositRefresh : DepositReport, IEntityReport<DepositRefresh, Deposit>
{
    /// <summary>The id of the request that created the deposit, when the server includes it.</summary>
    [CorrelationId]
    public long? DepositReqID { get; init; }
}
