namespace BlinkTrade.Client.Protocol;

/// <summary><c>U21</c> DepositMethodsResponse: the methods (a plain array of objects, not column-oriented).</summary>
[MessageType(MessageTypes.DepositMethodsResponse)]
public sealed partial record DepositMethodsResponse : BlinkTradeMessage
{
    /// <summary>The request's correlation id.</summary>
    public long DepositMethodReqID { get; init; }

    /// <summary>The methods.</summary>
    public IReadOnlyList<DepositMethod> DepositMethodGrp { get; init; } = [];
}
