using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Gateway.Handlers;
using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway;

internal sealed partial class ExchangeState
{
    /// <summary>
    /// The email second factor of a login whose password (and one-time password, when <paramref name="check"/>) passed:
    /// a trusted device passes; a login without a token gets a new one; a token is checked and used up, and with
    /// <c>TrustedDevice</c> the device is trusted from then on. With <paramref name="check"/> false (the one-time
    /// password is still missing) a sent token is left alone for the next attempt.
    /// </summary>
    public EmailStepResult EmailSecondStep(int userId, string? token, string? fingerPrint, bool trustDevice, bool check, TimeSpan lifetime)
    {
        var user = RequireUser(userId);
        var factor = user.EmailSecondFactor;
        if (!factor.Enabled || factor.IsTrusted(fingerPrint))
        {
            return new EmailStepResult(false, null, null);
        }
        if (string.IsNullOrEmpty(token))
        {
            var expires = Now + lifetime;
            return new EmailStepResult(true, null, new EmailToken(user.UserId, user.Email, new SecretString(factor.Issue(expires)), expires));
        }
        if (!check)
        {
            return new EmailStepResult(true, null, null);
        }
        var result = factor.Use(token, Now);
        if (result == EmailTokenCheck.Valid && trustDevice && !string.IsNullOrEmpty(fingerPrint))
        {
            factor.Trust(fingerPrint);
        }
        return new EmailStepResult(true, result, null);
    }

    /// <summary>Keeps a successful login's device fields for the control API (the latest <see cref="LoginRecord.MaxKept"/>).</summary>
    public void RecordLogin(int userId, LoginRecord login)
    {
        var logins = RequireUser(userId).Logins;
        if (logins.Count == LoginRecord.MaxKept)
        {
            logins.Dequeue();
        }
        logins.Enqueue(login);
    }
}
