namespace BlinkTrade.ApiKeys;

/// <summary>Whether a key is usable, its state and permissions (answer of status, revoke and the admin calls).</summary>
public class ApiKeyStatus
{
    /// <summary>For mocking.</summary>
    protected ApiKeyStatus()
    {
        ApiId = string.Empty;
        ApiKey = string.Empty;
    }

    internal ApiKeyStatus(string apiId, string apiKey, bool isUsable, ApiKeyState state, ApiKeyPermissions permissions)
    {
        ApiId = apiId;
        ApiKey = apiKey;
        IsUsable = isUsable;
        State = state;
        Permissions = permissions;
    }

    /// <summary>The key's unique id.</summary>
    public virtual string ApiId { get; }

    /// <summary>The public key string (sent in the key header).</summary>
    public virtual string ApiKey { get; }

    /// <summary>Whether the key can sign requests now (wire <c>status</c> 0).</summary>
    public virtual bool IsUsable { get; }

    /// <summary>The lifecycle state.</summary>
    public virtual ApiKeyState State { get; }

    /// <summary>The key's modules (<see cref="ApiKeyPermissions.None"/> when the answer omits them).</summary>
    public virtual ApiKeyPermissions Permissions { get; }

    /// <inheritdoc />
    public override string ToString() => $"ApiKeyStatus {{ ApiId = {ApiId}, ApiKey = {ApiKey}, IsUsable = {IsUsable}, State = {State}, Permissions = {Permissions} }}";
}
