namespace BlinkTrade.Client.Protocol;

/// <summary><c>U20</c> DepositMethodsRequest: a broker's deposit methods (public; send <c>BrokerID</c> when not logged in).</summary>
[MessageType(MessageTypes.DepositMethodsRequest)]
public sealed partial record DepositMethodsRequest : BlinkTradeMessage
{
    /// <summary>Correlation id echoed in the <see cref="DepositMethodsResponse"/>.</summary>
    public long DepositMethodReqID { get; init; }

    /// <summary>Broker.</summary>
    public int? BrokerID { get; init; }
}
