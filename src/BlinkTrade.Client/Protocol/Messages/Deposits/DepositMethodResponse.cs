using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>U49</c> DepositMethodResponse: one method's details (<c>DepositMethodID</c> -1 when unknown). On the wire the
/// method's fields stand at the top level; here they are <see cref="DepositMethod"/>, the same record as a row of
/// <see cref="DepositMethodsResponse"/>.
/// </summary>
[JsonConverter(typeof(EntityReportConverter<DepositMethodResponse, DepositMethod>))]
[MessageType(MessageTypes.DepositMethodResponse)]
public sealed partial record DepositMethodResponse : BlinkTradeMessage, IEntityReport<DepositMethodResponse, DepositMethod>
{
    /// <summary>The request's correlation id.</summary>
    [CorrelationId]
    public long DepositMethodReqID { get; init; }

    /// <summary>The method.</summary>
    public DepositMethod DepositMethod { get; init; } = new();

    /// <summary>Whether this is the "not found" answer.</summary>
    public bool IsNotFound => DepositMethod.DepositMethodID == -1;
}
