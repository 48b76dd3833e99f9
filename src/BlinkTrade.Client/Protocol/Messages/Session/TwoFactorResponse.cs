namespace BlinkTrade.Client.Protocol;

/// <summary><c>U17</c> EnableDisableTwoFactorAuthenticationResponse.</summary>
[MessageType(MessageTypes.TwoFactorResponse)]
public sealed partial record TwoFactorResponse : BlinkTradeMessage
{
    /// <summary>The request's correlation id.</summary>
    public long EnableTwoFactorReqID { get; init; }

    /// <summary>Whether two-factor authentication is now on.</summary>
    public bool? TwoFactorEnabled { get; init; }

    /// <summary>The secret to enrol (empty once disabled).</summary>
    public SecretString? TwoFactorSecret { get; init; }
}
