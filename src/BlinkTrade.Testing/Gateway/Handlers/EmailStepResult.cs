using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>The email second factor of one login, decided on the actor.</summary>
/// <param name="Required">Whether the user has it and the device is not trusted (a token is needed).</param>
/// <param name="Check">What the token sent with the login was found to be, when it was checked.</param>
/// <param name="Issued">A new token to deliver (the login carried none), or null.</param>
internal sealed record EmailStepResult(bool Required, EmailTokenCheck? Check, EmailToken? Issued)
{
    /// <summary>Whether the login passes the email second factor.</summary>
    public bool Passed => !Required || Check == EmailTokenCheck.Valid;
}
