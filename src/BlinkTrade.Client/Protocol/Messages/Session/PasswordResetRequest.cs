namespace BlinkTrade.Client.Protocol;

/// <summary><c>U10</c> CreatePasswordResetRequest: emails a reset token (PROTOCOL.md §2.1). Answered by <see cref="PasswordResetResponse"/>.</summary>
[MessageType(MessageTypes.PasswordResetRequest)]
public sealed partial record PasswordResetRequest : BlinkTradeMessage
{
    /// <summary>Correlation id.</summary>
    public long ForgotPasswordReqID { get; init; }

    /// <summary>Broker id.</summary>
    public int BrokerID { get; init; }

    /// <summary>The account's email.</summary>
    public string? Email { get; init; }
}
