using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U19</c> DepositResponse: the deposit created or looked up (<c>DepositID</c> -1 when not found).</summary>
[JsonConverter(typeof(EntityReportConverter<DepositResponse, Deposit>))]
[MessageType(MessageTypes.DepositResponse)]
public sealed partial record DepositResponse : DepositReport, IEntityReport<DepositResponse, Deposit>
{
    /// <summary>The request's correlation id (absent in the not-found answer).</summary>
    public long? DepositReqID { get; init; }

    static EntityReportShape<DepositResponse, Deposit> IEntityReport<DepositResponse, Deposit>.Shape { get; } =
        new(nameof(DepositReqID), static m => m.Deposit, static m => m.DepositReqID,
        static (entity, requestId) => new() { Deposit = entity, DepositReqID = requestId });
}
