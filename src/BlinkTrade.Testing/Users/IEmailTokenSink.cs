namespace BlinkTrade.Testing.Users;

/// <summary>
/// Where the reference exchange "emails" second-factor tokens (<c>BE</c> <c>Token</c>, PROTOCOL.md §2.1): a login of a
/// user with the email second factor, from a device the exchange does not trust, is refused with
/// <c>SecondFactorType "EMAIL"</c> and a new token is delivered here. Tests plug in their own (or an
/// <see cref="EmailTokenOutbox"/>) to read the token and log in with it, as they plug in an
/// <see cref="ISecondFactorCodeProvider"/> for one-time passwords.
/// </summary>
public interface IEmailTokenSink
{
    /// <summary>Delivers a token. Called off the exchange's actor; must not block.</summary>
    /// <param name="token">The token, its user and when it expires.</param>
    void Deliver(EmailToken token);
}
