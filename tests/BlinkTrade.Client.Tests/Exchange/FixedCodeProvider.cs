using BlinkTrade.Testing.Users;

namespace BlinkTrade.Client.Tests.Exchange;

/// <summary>Second-factor codes for tests: the secret is fixed and the only valid code is "123456".</summary>
internal sealed class FixedCodeProvider : ISecondFactorCodeProvider
{
    public string CreateSecret(int userId) => "JBSWY3DPEHPK3PXP";

    public bool IsValid(int userId, string secret, string code) => code == "123456";
}
