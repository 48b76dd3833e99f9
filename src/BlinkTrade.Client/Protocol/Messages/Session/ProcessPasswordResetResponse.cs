namespace BlinkTrade.Client.Protocol;

/// <summary><c>U13</c> ProcessPasswordResetResponse.</summary>
[MessageType(MessageTypes.ProcessPasswordResetResponse)]
public sealed partial record ProcessPasswordResetResponse : BlinkTradeMessage
{
    /// <summary>The request's correlation id.</summary>
    public long ResetPasswordReqID { get; init; }

    /// <summary>1 ok, 3 failed.</summary>
    public UserStatus? UserStatus { get; init; }

    /// <summary><c>MSG_SUCCESS_PASSWORD_CHANGE</c> or <c>MSG_CHANGE_PASSWORD_INVALID_SECURITY_CODE</c>.</summary>
    public string? UserStatusText { get; init; }
}
