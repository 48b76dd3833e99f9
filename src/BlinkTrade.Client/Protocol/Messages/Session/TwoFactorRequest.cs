namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>U16</c> EnableDisableTwoFactorAuthentication (PROTOCOL.md §2.1): <c>Enable</c> without <see cref="Secret"/> asks
/// for a new secret; with the secret and a valid <see cref="Code"/> enables; <c>Enable:false</c> disables.
/// Answered by <see cref="TwoFactorResponse"/>.
/// </summary>
[MessageType(MessageTypes.TwoFactorRequest)]
public sealed partial record TwoFactorRequest : BlinkTradeMessage
{
    /// <summary>Correlation id.</summary>
    public long EnableTwoFactorReqID { get; init; }

    /// <summary>Enable or disable.</summary>
    public bool Enable { get; init; }

    /// <summary>The base32 secret the server generated.</summary>
    public SecretString? Secret { get; init; }

    /// <summary>The TOTP code.</summary>
    public SecretString? Code { get; init; }

    /// <summary>A broker disabling a customer's two-factor authentication.</summary>
    public string? ClientID { get; init; }
}
