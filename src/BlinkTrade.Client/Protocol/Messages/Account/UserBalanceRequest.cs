namespace BlinkTrade.Client.Protocol;

/// <summary><c>U2</c> UserBalanceRequest: asks for the balances of the user (or, for a broker, of a customer) (PROTOCOL.md §2.2).</summary>
[MessageType(MessageTypes.BalanceRequest)]
public sealed partial record UserBalanceRequest : BlinkTradeMessage
{
    /// <summary>Correlation id (positive integer) echoed in the <see cref="UserBalanceResponse"/>.</summary>
    public required long BalanceReqID { get; init; }

    /// <summary>The customer account whose balances a broker asks for.</summary>
    public long? ClientID { get; init; }
}
