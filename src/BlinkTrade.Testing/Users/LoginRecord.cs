namespace BlinkTrade.Testing.Users;

/// <summary>
/// A successful login as the exchange received it (<c>BE</c>, PROTOCOL.md §2.1): when, and the device fields the client
/// sent. Read with <see cref="ReferenceExchange.GetLoginsAsync"/>; the exchange keeps the latest
/// <see cref="MaxKept"/> per user.
/// </summary>
/// <param name="At">When the login succeeded (the exchange's clock).</param>
/// <param name="FingerPrint">The <c>FingerPrint</c> sent, or null.</param>
/// <param name="UserAgent">The <c>UserAgent</c> sent, or null.</param>
/// <param name="UserAgentLanguage">The <c>UserAgentLanguage</c> sent, or null.</param>
/// <param name="UserAgentTimezoneOffset">The <c>UserAgentTimezoneOffset</c> sent, or null.</param>
/// <param name="UserAgentPlatform">The <c>UserAgentPlatform</c> sent, or null.</param>
/// <param name="TrustedDevice">The <c>TrustedDevice</c> flag sent.</param>
/// <param name="UsedEmailToken">Whether the login passed the email second factor with a <c>Token</c> (rather than from a trusted device or without it).</param>
public sealed record LoginRecord(DateTimeOffset At, string? FingerPrint, string? UserAgent, string? UserAgentLanguage, int? UserAgentTimezoneOffset,
    string? UserAgentPlatform, bool TrustedDevice, bool UsedEmailToken)
{
    /// <summary>Logins kept per user.</summary>
    public const int MaxKept = 32;
}
