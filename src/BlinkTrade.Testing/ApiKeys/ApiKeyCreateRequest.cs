using System.Text.Json;
using BlinkTrade.ApiKeys;

namespace BlinkTrade.Testing.ApiKeys;

/// <summary>
/// What a new key grants. Give <see cref="Permissions"/> (REST modules), <see cref="PermissionList"/> (WebSocket
/// message types) or both; the missing one is derived with <see cref="ApiKeyPermissionMapping"/>.
/// </summary>
internal sealed record ApiKeyCreateRequest
{
    /// <summary>The owning account.</summary>
    public required ApiKeyOwner Owner { get; init; }

    /// <summary>The owner's label.</summary>
    public string Label { get; init; } = string.Empty;

    /// <summary>The REST modules; derived from <see cref="PermissionList"/> when null (All when both are null).</summary>
    public ApiKeyPermissions? Permissions { get; init; }

    /// <summary>The WebSocket PermissionList object; derived from <see cref="Permissions"/> when null.</summary>
    public JsonElement? PermissionList { get; init; }

    /// <summary>Allowed client IPs; empty allows any.</summary>
    public IReadOnlyList<string> IpWhiteList { get; init; } = [];

    /// <summary>Whether the owner may revoke it.</summary>
    public bool Revocable { get; init; } = true;

    /// <summary>The first state: <see cref="ApiKeyLifecycleState.PendingApproval"/> over REST, Active over the socket (no approval step there).</summary>
    public ApiKeyLifecycleState InitialState { get; init; } = ApiKeyLifecycleState.PendingApproval;

    /// <summary>Whether it is a platform administration key.</summary>
    public bool IsAdmin { get; init; }
}
