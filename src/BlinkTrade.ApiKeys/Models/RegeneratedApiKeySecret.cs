namespace BlinkTrade.ApiKeys;

/// <summary>The new secret of a key after regenerate-secret; the old one stopped working. Redacted in <see cref="ToString"/>.</summary>
public class RegeneratedApiKeySecret
{
    /// <summary>For mocking.</summary>
    protected RegeneratedApiKeySecret()
    {
        ApiId = string.Empty;
        ApiKey = string.Empty;
        SecretKey = string.Empty;
    }

    internal RegeneratedApiKeySecret(string apiId, string apiKey, string secretKey)
    {
        ApiId = apiId;
        ApiKey = apiKey;
        SecretKey = secretKey;
    }

    /// <summary>The key's unique id.</summary>
    public virtual string ApiId { get; }

    /// <summary>The public key string (unchanged).</summary>
    public virtual string ApiKey { get; }

    /// <summary>The new signing secret.</summary>
    public virtual string SecretKey { get; }

    /// <summary>A credential built from the key and its new secret.</summary>
    /// <returns>A new credential.</returns>
    public virtual ApiKeysCredential ToCredential() => new(ApiKey, SecretKey);

    /// <summary>Describes the key without its secret.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() => $"RegeneratedApiKeySecret {{ ApiId = {ApiId}, ApiKey = {ApiKey}, SecretKey = *** }}";
}
