namespace BlinkTrade.Testing.ApiKeys;

/// <summary>
/// A key together with credentials that are shown only once (at creation, or a new secret after regeneration).
/// <see cref="ToString"/> never prints them.
/// </summary>
public sealed class IssuedApiKey
{
    internal IssuedApiKey(ApiKeyEntry entry, string secretKey, string? apiPassword)
    {
        Entry = entry;
        SecretKey = secretKey;
        ApiPassword = apiPassword;
    }

    /// <summary>The key.</summary>
    public ApiKeyEntry Entry { get; }

    /// <summary>The REST signing secret (64 characters).</summary>
    public string SecretKey { get; }

    /// <summary>The WebSocket login password; null after a secret regeneration (the password is unchanged).</summary>
    public string? ApiPassword { get; }

    /// <summary>Describes the key without its credentials.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() => $"IssuedApiKey {{ Entry = {Entry}, SecretKey = ***, ApiPassword = *** }}";
}
