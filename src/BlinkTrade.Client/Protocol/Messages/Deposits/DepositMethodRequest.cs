namespace BlinkTrade.Client.Protocol;

/// <summary><c>U48</c> DepositMethodRequest: one method's details.</summary>
[MessageType(MessageTypes.DepositMethodRequest)]
public sealed partial record DepositMethodRequest : BlinkTradeMessage
{
    /// <summary>Correlation id echoed in the <see cref="DepositMethodResponse"/>.</summary>
    public long DepositMethodReqID { get; init; }

    /// <summary>The method.</summary>
    public required int DepositMethodID { get; init; }
}
