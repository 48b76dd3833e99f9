using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client;

public partial interface IBlinkTradeClient
{
    /// <summary>The logged-in user's <c>BF</c> (profile, fees, permissions), or <see langword="null"/> when anonymous.</summary>
    UserResponse? CurrentUser { get; }

    /// <summary>Logs in (<c>BE</c> type 1 → <c>BF</c>) with a password or an API key. The credentials are remembered
    /// for re-login after a reconnect (until <see cref="LogoutAsync"/>).</summary>
    /// <param name="credentials">The credentials; the configured ones when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The server's <c>BF</c> with <c>UserStatus</c> 1.</returns>
    /// <exception cref="BlinkTradeLoginException">The server refused the login (wrong password, second factor needed…).</exception>
    Task<UserResponse> LoginAsync(BlinkTradeCredentials? credentials = null, CancellationToken cancellationToken = default);

    /// <summary>Logs out (<c>BE</c> type 2); the connection stays open and anonymous, and reconnects no longer log in.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The server's <c>BF</c> with <c>UserStatus</c> 2.</returns>
    Task<UserResponse> LogoutAsync(CancellationToken cancellationToken = default);

    /// <summary>Changes the password (<c>BE</c> type 3). Success is recognised by <c>MSG_SUCCESS_PASSWORD_CHANGE</c> (G7).</summary>
    /// <param name="currentPassword">The current password.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="secondFactor">The TOTP code when two-factor authentication is on.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The server's <c>BF</c>.</returns>
    /// <exception cref="BlinkTradeLoginException">The server refused the change.</exception>
    Task<UserResponse> ChangePasswordAsync(SecretString currentPassword, SecretString newPassword, SecretString? secondFactor = null, CancellationToken cancellationToken = default);

    /// <summary>Creates an account (<c>U0</c> → <c>BF</c>). Depending on the server the answer is a login (<c>UserStatus</c> 1)
    /// or a request to confirm the email (<c>MSG_SIGNUP_CONFIRM_EMAIL</c>); both are returned, other refusals throw.</summary>
    /// <param name="username">The username (3–15 characters).</param>
    /// <param name="password">The password.</param>
    /// <param name="email">The email.</param>
    /// <param name="countryCode">ISO-3166 alpha-2 country, optional.</param>
    /// <param name="state">State or region, optional.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The server's <c>BF</c>.</returns>
    /// <exception cref="BlinkTradeLoginException">The server refused the signup (e.g. username taken).</exception>
    Task<UserResponse> SignupAsync(string username, SecretString password, string email, string? countryCode = null, string? state = null, CancellationToken cancellationToken = default);

    /// <summary>Enables or disables two-factor authentication (<c>U16</c> → <c>U17</c>). Enabling is two calls: first with
    /// no secret (the server returns one in <c>TwoFactorSecret</c>), then with that secret and a current code.</summary>
    /// <param name="enable">Enable or disable.</param>
    /// <param name="secret">The secret returned by the first call (enabling only).</param>
    /// <param name="code">The current TOTP code (second enabling call).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The server's <c>U17</c>.</returns>
    Task<TwoFactorResponse> SetTwoFactorAsync(bool enable, SecretString? secret = null, SecretString? code = null, CancellationToken cancellationToken = default);

    /// <summary>Asks the server to email a password-reset token (<c>U10</c> → <c>U11</c>; no login needed).</summary>
    /// <param name="email">The account's email.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether the email is known (<c>Success</c> 1).</returns>
    Task<bool> RequestPasswordResetAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>Sets a new password with the emailed token (<c>U12</c> → <c>U13</c>).</summary>
    /// <param name="token">The emailed token.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The server's answer.</returns>
    /// <exception cref="BlinkTradeLoginException">The token was refused (<c>MSG_CHANGE_PASSWORD_INVALID_SECURITY_CODE</c>).</exception>
    Task<ProcessPasswordResetResponse> ResetPasswordAsync(SecretString token, SecretString newPassword, CancellationToken cancellationToken = default);
}
