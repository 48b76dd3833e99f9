namespace BlinkTrade.Testing.Users;

/// <summary>
/// Issues two-factor secrets and checks second-factor codes (U16/U17, BE <c>SecondFactor</c>, U24). Tests plug in
/// their own to control which codes are valid; the default is RFC 6238 TOTP (<see cref="TotpCodeProvider"/>).
/// </summary>
public interface ISecondFactorCodeProvider
{
    /// <summary>Creates a new secret for a user enabling two-factor authentication.</summary>
    /// <param name="userId">The user.</param>
    /// <returns>The secret (base32 for TOTP).</returns>
    string CreateSecret(int userId);

    /// <summary>Checks a code against a user's secret.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="secret">The user's secret.</param>
    /// <param name="code">The code the client sent.</param>
    /// <returns>Whether the code is valid now.</returns>
    bool IsValid(int userId, string secret, string code);
}
