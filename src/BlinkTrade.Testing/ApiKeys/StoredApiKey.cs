using System.Text.Json;
using BlinkTrade.ApiKeys;

namespace BlinkTrade.Testing.ApiKeys;

// The store's mutable record of a key, including its secret. Only ever touched under the store's lock;
// callers get ApiKeyEntry snapshots instead.
internal sealed class StoredApiKey
{
    public required string ApiId { get; init; }

    public required string ApiKey { get; init; }

    public required ApiKeyOwner Owner { get; init; }

    public required string Label { get; init; }

    public required ApiKeyPermissions Permissions { get; set; }

    public required JsonElement PermissionList { get; set; }

    public required IReadOnlyList<string> IpWhiteList { get; init; }

    public required bool Revocable { get; init; }

    public required bool IsAdmin { get; init; }

    public required ApiKeyLifecycleState State { get; set; }

    public required DateTimeOffset CreateTime { get; init; }

    public DateTimeOffset? LastUsedTime { get; set; }

    public required string SecretKey { get; set; }

    public required Users.PasswordHash PasswordHash { get; init; }

    public ApiKeyEntry Snapshot() =>
        new(ApiId, ApiKey, Owner, Label, Permissions, PermissionList, IpWhiteList, Revocable, IsAdmin, State, CreateTime, LastUsedTime);

    public override string ToString() => $"StoredApiKey {{ ApiId = {ApiId}, ApiKey = {ApiKey}, SecretKey = *** }}";
}
