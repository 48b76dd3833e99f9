using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client;

/// <summary>
/// How the client logs in (PROTOCOL.md §2.1, §4.3): a username (or email) and password, optionally with a second
/// factor, or an API key and its API password. The secrets are <see cref="SecretString"/>s: they print as
/// <c>***</c> and are never logged.
/// </summary>
public sealed record BlinkTradeCredentials
{
    private BlinkTradeCredentials(string username, SecretString password, bool isApiKey)
    {
        Username = username;
        Password = password;
        IsApiKey = isApiKey;
    }

    /// <summary>Credentials of a user: username or email, and password.</summary>
    /// <param name="username">The username or email.</param>
    /// <param name="password">The password.</param>
    /// <returns>The credentials.</returns>
    public static BlinkTradeCredentials FromPassword(string username, SecretString password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        return new BlinkTradeCredentials(username, password, isApiKey: false);
    }

    /// <summary>Credentials of a WebSocket API key: the key and its API password (not the API secret, which signs REST).</summary>
    /// <param name="apiKey">The API key.</param>
    /// <param name="apiPassword">The API password.</param>
    /// <returns>The credentials.</returns>
    public static BlinkTradeCredentials FromApiKey(string apiKey, SecretString apiPassword)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        return new BlinkTradeCredentials(apiKey, apiPassword, isApiKey: true);
    }

    /// <summary>The username, email or API key (sent as <c>Username</c>).</summary>
    public string Username { get; }

    /// <summary>The password or API password (sent as <c>Password</c>).</summary>
    public SecretString Password { get; private init; }

    /// <summary>Whether these are API-key credentials.</summary>
    public bool IsApiKey { get; }

    /// <summary>A provider of the current TOTP code for accounts with two-factor authentication (called at each
    /// login, including re-logins after a reconnect); <see langword="null"/> when not needed.</summary>
    public Func<CancellationToken, ValueTask<SecretString>>? SecondFactorProvider { get; init; }

    /// <summary>Asks the server to cancel the session's orders when the connection closes (<c>CancelOnDisconnect</c>).</summary>
    public bool CancelOnDisconnect { get; init; }

    /// <summary>The device this client logs in from (<c>FingerPrint</c>, <c>UserAgent*</c>), sent with every login
    /// including the re-logins after reconnects; <see langword="null"/> sends none of those fields.</summary>
    public DeviceInfo? Device { get; init; }

    /// <summary>
    /// Asks the exchange to remember this device (<c>TrustedDevice</c>, sent with every login): once a login from it
    /// has passed the email second factor, later logins from the same <see cref="DeviceInfo.FingerPrint"/> need no
    /// email token — which is what lets the re-login after a reconnect succeed for an account with the email second
    /// factor. Needs <see cref="Device"/> with a <see cref="DeviceInfo.FingerPrint"/>, the device's identity.
    /// </summary>
    public bool TrustedDevice { get; init; }

    /// <summary>
    /// The email second-factor token (<c>Token</c>) the exchange sent after a login refused with
    /// <see cref="BlinkTradeLoginException.SecondFactorType"/> <c>EMAIL</c>. It is good for one login: it is sent with
    /// the login these credentials are passed to and never again — the client forgets it once that login is answered,
    /// so the re-login after a reconnect does not replay it (the exchange would refuse a used token). Such a re-login
    /// passes only from a trusted device (<see cref="TrustedDevice"/>); otherwise it is refused and the client stops
    /// reconnecting with a <see cref="BlinkTradeLoginException"/>, and a new token is needed to log in again.
    /// </summary>
    public SecretString? EmailToken { get; init; }

    // The same user and options with another password (after a password change).
    internal BlinkTradeCredentials WithPassword(SecretString password) => this with { Password = password, EmailToken = null };
}
