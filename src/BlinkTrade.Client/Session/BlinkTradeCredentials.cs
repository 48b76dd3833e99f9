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
    public SecretString Password { get; }

    /// <summary>Whether these are API-key credentials.</summary>
    public bool IsApiKey { get; }

    /// <summary>A provider of the current TOTP code for accounts with two-factor authentication (called at each
    /// login, including re-logins after a reconnect); <see langword="null"/> when not needed.</summary>
    public Func<CancellationToken, ValueTask<SecretString>>? SecondFactorProvider { get; init; }

    /// <summary>Asks the server to cancel the session's orders when the connection closes (<c>CancelOnDisconnect</c>).</summary>
    public bool CancelOnDisconnect { get; init; }
}
