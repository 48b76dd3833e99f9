namespace BlinkTrade.Client.Protocol;

/// <summary><c>U11</c> CreatePasswordResetResponse.</summary>
[MessageType(MessageTypes.PasswordResetResponse)]
public sealed partial record PasswordResetResponse : BlinkTradeMessage
{
    /// <summary>The request's correlation id.</summary>
    public long ForgotPasswordReqID { get; init; }

    /// <summary>1 if the email exists, else 0.</summary>
    public int? Success { get; init; }
}
