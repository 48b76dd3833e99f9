namespace BlinkTrade.Client.Protocol;

/// <summary><c>U10</c> CreatePasswordResetRequest: emails a reset token (PROTOCOL.md §2.1). Answered by <see cref="PasswordResetResponse"/>.</summary>
public sealed record PasswordResetRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.PasswordResetRequest;

    /// <summary>Correlation id.</summary>
    public long ForgotPasswordReqID { get; init; }

    /// <summary>Broker id.</summary>
    public int BrokerID { get; init; }

    /// <summary>The account's email.</summary>
    public string? Email { get; init; }
}

/// <summary><c>U11</c> CreatePasswordResetResponse.</summary>
public sealed record PasswordResetResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.PasswordResetResponse;

    /// <summary>The request's correlation id.</summary>
    public long ForgotPasswordReqID { get; init; }

    /// <summary>1 if the email exists, else 0.</summary>
    public int? Success { get; init; }
}

/// <summary><c>U12</c> ProcessPasswordResetRequest: sets a new password from the emailed token. Answered by <see cref="ProcessPasswordResetResponse"/>.</summary>
public sealed record ProcessPasswordResetRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.ProcessPasswordResetRequest;

    /// <summary>Correlation id.</summary>
    public long ResetPasswordReqID { get; init; }

    /// <summary>The emailed token.</summary>
    public SecretString? Token { get; init; }

    /// <summary>The new password.</summary>
    public SecretString? NewPassword { get; init; }
}

/// <summary><c>U13</c> ProcessPasswordResetResponse.</summary>
public sealed record ProcessPasswordResetResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.ProcessPasswordResetResponse;

    /// <summary>The request's correlation id.</summary>
    public long ResetPasswordReqID { get; init; }

    /// <summary>1 ok, 3 failed.</summary>
    public UserStatus? UserStatus { get; init; }

    /// <summary><c>MSG_SUCCESS_PASSWORD_CHANGE</c> or <c>MSG_CHANGE_PASSWORD_INVALID_SECURITY_CODE</c>.</summary>
    public string? UserStatusText { get; init; }
}
