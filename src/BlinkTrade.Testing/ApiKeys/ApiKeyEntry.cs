using System.Text.Json;
using BlinkTrade.ApiKeys;

namespace BlinkTrade.Testing.ApiKeys;

/// <summary>
/// An immutable snapshot of one key, shared by the REST endpoints and (later) the WebSocket U50–U55 handlers.
/// It carries no secret and no password: those never leave <see cref="ApiKeyStore"/>.
/// </summary>
public sealed class ApiKeyEntry
{
    internal ApiKeyEntry(string apiId, string apiKey, ApiKeyOwner owner, string label, ApiKeyPermissions permissions, JsonElement permissionList,
        IReadOnlyList<string> ipWhiteList, bool revocable, bool isAdmin, ApiKeyLifecycleState state, DateTimeOffset createTime, DateTimeOffset? lastUsedTime)
    {
        ApiId = apiId;
        ApiKey = apiKey;
        Owner = owner;
        Label = label;
        Permissions = permissions;
        PermissionList = permissionList;
        IpWhiteList = ipWhiteList;
        Revocable = revocable;
        IsAdmin = isAdmin;
        State = state;
        CreateTime = createTime;
        LastUsedTime = lastUsedTime;
    }

    /// <summary>The unique, never reused id.</summary>
    public string ApiId { get; }

    /// <summary>The public key string (64 characters [A-Za-z0-9]).</summary>
    public string ApiKey { get; }

    /// <summary>The owning account.</summary>
    public ApiKeyOwner Owner { get; }

    /// <summary>The owner's label (may be empty).</summary>
    public string Label { get; }

    /// <summary>The REST modules.</summary>
    public ApiKeyPermissions Permissions { get; }

    /// <summary>The WebSocket PermissionList (a JSON object, PROTOCOL.md §4.1).</summary>
    public JsonElement PermissionList { get; }

    /// <summary>Client IPs allowed to use the key; empty allows any.</summary>
    public IReadOnlyList<string> IpWhiteList { get; }

    /// <summary>Whether the owner may revoke it (U52 <c>Revocable</c>).</summary>
    public bool Revocable { get; }

    /// <summary>Whether it is a platform administration key (approval endpoints only).</summary>
    public bool IsAdmin { get; }

    /// <summary>The lifecycle state.</summary>
    public ApiKeyLifecycleState State { get; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreateTime { get; }

    /// <summary>When it last authenticated a request or login, if ever.</summary>
    public DateTimeOffset? LastUsedTime { get; }

    /// <summary>Whether it may authenticate now.</summary>
    public bool IsUsable => ApiKeyStatusCodes.IsUsable(State);

    /// <summary>Whether <paramref name="clientIp"/> may use this key (exact match, IPv4-mapped IPv6 read as IPv4).</summary>
    /// <param name="clientIp">The caller's address.</param>
    /// <returns><see langword="true"/> when the list is empty or contains the address.</returns>
    public bool AllowsIp(string? clientIp)
    {
        if (IpWhiteList.Count == 0)
        {
            return true;
        }
        if (clientIp is null)
        {
            return false;
        }
        var parsed = System.Net.IPAddress.TryParse(clientIp, out var address) ? Normalize(address) : null;
        foreach (var allowed in IpWhiteList)
        {
            if (string.Equals(allowed, clientIp, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            if (parsed is not null && System.Net.IPAddress.TryParse(allowed, out var other) && Normalize(other).Equals(parsed))
            {
                return true;
            }
        }
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"ApiKeyEntry {{ ApiId = {ApiId}, ApiKey = {ApiKey}, Owner = {Owner}, State = {State}, Permissions = {Permissions} }}";

    private static System.Net.IPAddress Normalize(System.Net.IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
