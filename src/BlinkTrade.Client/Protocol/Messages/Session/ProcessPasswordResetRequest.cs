namespace BlinkTrade.Client.Protocol;

/// <summary><c>U12</c> ProcessPasswordResetRequest: sets a new password from the emailed token. Answered by <see cref="ProcessPasswordResetResponse"/>.</summary>
[MessageType(MessageTypes.ProcessPasswordResetRequest)]
public sealed partial record ProcessPasswordResetRequest : BlinkTradeMessage
{
    /// <summary>Correlation id.</summary>
    public long ResetPasswordReqID { get; init; }

    /// <summary>The emailed token.</summary>
    public SecretString? Token { get; init; }

    /// <summary>The new password.</summary>
    public SecretString? NewPassword { get; init; }
}
