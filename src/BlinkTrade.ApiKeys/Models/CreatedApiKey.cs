namespace BlinkTrade.ApiKeys;

/// <summary>
/// A newly created key (normally <see cref="ApiKeyState.PendingApproval"/>, not yet usable), with the credentials
/// the server returns only once. <see cref="ToString"/> never shows <see cref="SecretKey"/> or <see cref="ApiPassword"/>.
/// </summary>
public class CreatedApiKey : ApiKeyStatus
{
    /// <summary>For mocking.</summary>
    protected CreatedApiKey() => SecretKey = string.Empty;

    internal CreatedApiKey(string apiId, string apiKey, string secretKey, string? apiPassword, ApiKeyPermissions permissions,
        bool isUsable, ApiKeyState state, string? label, DateTimeOffset createTime)
        : base(apiId, apiKey, isUsable, state, permissions)
    {
        SecretKey = secretKey;
        ApiPassword = apiPassword;
        Label = label;
        CreateTime = createTime;
    }

    /// <summary>The signing secret. Store it safely: it is never returned again (only replaced by regenerate-secret).</summary>
    public virtual string SecretKey { get; }

    /// <summary>
    /// The WebSocket login password (<c>BE</c> with <c>Username = ApiKey</c>), when the server issues one
    /// (the reference exchange's documented extension). Returned only here.
    /// </summary>
    public virtual string? ApiPassword { get; }

    /// <summary>The owner's label, if any.</summary>
    public virtual string? Label { get; }

    /// <summary>When the key was created.</summary>
    public virtual DateTimeOffset CreateTime { get; }

    /// <summary>A credential for <see cref="ApiKeysClientOptions.Credential"/> built from this key.</summary>
    /// <returns>A new credential.</returns>
    public virtual ApiKeysCredential ToCredential() => new(ApiKey, SecretKey);

    /// <summary>Describes the key without its secrets.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() => $"CreatedApiKey {{ ApiId = {ApiId}, ApiKey = {ApiKey}, SecretKey = ***, ApiPassword = ***, State = {State}, Permissions = {Permissions} }}";
}
