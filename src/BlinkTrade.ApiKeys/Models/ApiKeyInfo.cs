namespace BlinkTrade.ApiKeys;

/// <summary>One row of the key list: the key's status with its label, IP white list and times. Never carries a secret.</summary>
public class ApiKeyInfo : ApiKeyStatus
{
    /// <summary>For mocking.</summary>
    protected ApiKeyInfo() => IpWhiteList = [];

    internal ApiKeyInfo(string apiId, string apiKey, string? label, ApiKeyPermissions permissions, IReadOnlyList<string> ipWhiteList,
        bool isUsable, ApiKeyState state, DateTimeOffset createTime, DateTimeOffset? lastUsedTime)
        : base(apiId, apiKey, isUsable, state, permissions)
    {
        Label = label;
        IpWhiteList = ipWhiteList;
        CreateTime = createTime;
        LastUsedTime = lastUsedTime;
    }

    /// <summary>The owner's label, if any.</summary>
    public virtual string? Label { get; }

    /// <summary>Client IPs allowed to use the key; empty means any.</summary>
    public virtual IReadOnlyList<string> IpWhiteList { get; }

    /// <summary>When the key was created.</summary>
    public virtual DateTimeOffset CreateTime { get; }

    /// <summary>When the key was last used, if ever.</summary>
    public virtual DateTimeOffset? LastUsedTime { get; }

    /// <inheritdoc />
    public override string ToString() => $"ApiKeyInfo {{ ApiId = {ApiId}, ApiKey = {ApiKey}, Label = {Label}, State = {State}, Permissions = {Permissions} }}";
}
