namespace BlinkTrade.ApiKeys;

/// <summary>One row of the key list. Never carries a secret.</summary>
public class ApiKeyInfo
{
    /// <summary>For mocking.</summary>
    protected ApiKeyInfo()
    {
        ApiId = string.Empty;
        ApiKey = string.Empty;
        IpWhiteList = [];
    }

    internal ApiKeyInfo(string apiId, string apiKey, string? label, ApiKeyPermissions permissions, IReadOnlyList<string> ipWhiteList,
        bool isUsable, ApiKeyState state, DateTimeOffset createTime, DateTimeOffset? lastUsedTime)
    {
        ApiId = apiId;
        ApiKey = apiKey;
        Label = label;
        Permissions = permissions;
        IpWhiteList = ipWhiteList;
        IsUsable = isUsable;
        State = state;
        CreateTime = createTime;
        LastUsedTime = lastUsedTime;
    }

    /// <summary>The key's unique id.</summary>
    public virtual string ApiId { get; }

    /// <summary>The public key string.</summary>
    public virtual string ApiKey { get; }

    /// <summary>The owner's label, if any.</summary>
    public virtual string? Label { get; }

    /// <summary>The key's modules.</summary>
    public virtual ApiKeyPermissions Permissions { get; }

    /// <summary>Client IPs allowed to use the key; empty means any.</summary>
    public virtual IReadOnlyList<string> IpWhiteList { get; }

    /// <summary>Whether the key can sign requests now.</summary>
    public virtual bool IsUsable { get; }

    /// <summary>The lifecycle state.</summary>
    public virtual ApiKeyState State { get; }

    /// <summary>When the key was created.</summary>
    public virtual DateTimeOffset CreateTime { get; }

    /// <summary>When the key was last used, if ever.</summary>
    public virtual DateTimeOffset? LastUsedTime { get; }

    /// <inheritdoc />
    public override string ToString() => $"ApiKeyInfo {{ ApiId = {ApiId}, ApiKey = {ApiKey}, Label = {Label}, State = {State}, Permissions = {Permissions} }}";
}
