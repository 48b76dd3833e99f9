using System.Text.Json;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U50</c> APIKeyListRequest: the user's active API keys (PROTOCOL.md §2.8).</summary>
public sealed record ApiKeyListRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.ApiKeyListRequest;

    /// <summary>Correlation id echoed in the <see cref="ApiKeyListResponse"/>.</summary>
    public required long APIKeyListReqID { get; init; }

    /// <summary>Zero-based page.</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page.</summary>
    public int? PageSize { get; init; }
}

/// <summary><c>U51</c> APIKeyListResponse: active keys (column-oriented <c>ApiKeyListGrp</c>; secrets are never listed).</summary>
public sealed record ApiKeyListResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.ApiKeyListResponse;

    /// <summary>The request's correlation id.</summary>
    public long APIKeyListReqID { get; init; }

    /// <summary>Zero-based page.</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page.</summary>
    public int? PageSize { get; init; }

    /// <summary>The keys.</summary>
    public IReadOnlyList<ApiKeyInfo> ApiKeyListGrp { get; init; } = [];
}

/// <summary>One API key of an <see cref="ApiKeyListResponse"/>.</summary>
public sealed record ApiKeyInfo
{
    /// <summary>The key (public identifier).</summary>
    public string? APIKey { get; init; }

    /// <summary>Label.</summary>
    public string? Label { get; init; }

    /// <summary>Client IPs allowed to use the key (empty = any).</summary>
    [JsonConverter(typeof(DoubleEncodedJsonConverter<IReadOnlyList<string>>))]
    public IReadOnlyList<string>? IPWhiteList { get; init; }

    /// <summary>What the key may do.</summary>
    [JsonConverter(typeof(DoubleEncodedJsonConverter<PermissionList>))]
    public PermissionList? PermissionList { get; init; }

    /// <summary>Creation time.</summary>
    public DateTime? Created { get; init; }

    /// <summary>Last login with the key.</summary>
    public DateTime? LastUsed { get; init; }

    /// <summary>Columns this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary><c>U52</c> APIKeyCreateRequest: creates an API key. Some MsgTypes may not be granted (<c>*</c>, <c>BE</c>,
/// <c>U50</c>/<c>U52</c>/<c>U54</c>…; PROTOCOL.md §2.8).</summary>
public sealed record ApiKeyCreateRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.ApiKeyCreateRequest;

    /// <summary>Correlation id echoed in the <see cref="ApiKeyCreateResponse"/>.</summary>
    public required long APIKeyCreateReqID { get; init; }

    /// <summary>Label (at most 15 characters).</summary>
    public required string Label { get; init; }

    /// <summary>What the key may do (server default: nothing, <c>{}</c>). Read also when stringified (the original doc
    /// describes a "stringify object"); always written as an object.</summary>
    [JsonConverter(typeof(DoubleEncodedJsonConverter<PermissionList>))]
    public PermissionList? PermissionList { get; init; }

    /// <summary>Client IPs allowed to use the key (server default: any, <c>[]</c>). Read also when stringified; always
    /// written as an array.</summary>
    [JsonConverter(typeof(DoubleEncodedJsonConverter<IReadOnlyList<string>>))]
    public IReadOnlyList<string>? IPWhiteList { get; init; }

    /// <summary>Whether the key may be revoked (server default: true).</summary>
    public bool? Revocable { get; init; }
}

/// <summary>
/// <c>U53</c> APIKeyCreateResponse: the new key with its secret and password — the only time they are returned.
/// <see cref="PermissionList"/> and <see cref="IPWhiteList"/> may arrive JSON-encoded as strings, even several times
/// (PROTOCOL.md §5 G22); they are always written as real JSON.
/// </summary>
public sealed record ApiKeyCreateResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.ApiKeyCreateResponse;

    /// <summary>The request's correlation id.</summary>
    public long APIKeyCreateReqID { get; init; }

    /// <summary>Label.</summary>
    public string? Label { get; init; }

    /// <summary>The key (public identifier; the REST <c>APIKey</c> header and the WebSocket login user name).</summary>
    public string? APIKey { get; init; }

    /// <summary>The REST signing secret (HMAC-SHA256 key).</summary>
    public SecretString? APISecret { get; init; }

    /// <summary>The WebSocket login password.</summary>
    public SecretString? APIPassword { get; init; }

    /// <summary>What the key may do.</summary>
    [JsonConverter(typeof(DoubleEncodedJsonConverter<PermissionList>))]
    public PermissionList? PermissionList { get; init; }

    /// <summary>Client IPs allowed to use the key.</summary>
    [JsonConverter(typeof(DoubleEncodedJsonConverter<IReadOnlyList<string>>))]
    public IReadOnlyList<string>? IPWhiteList { get; init; }

    /// <summary>Status (1 active).</summary>
    public int? Status { get; init; }

    /// <summary>Whether the key may be revoked.</summary>
    public bool? Revocable { get; init; }

    /// <summary>Creation time.</summary>
    public DateTime? Created { get; init; }

    /// <summary>Last login with the key.</summary>
    public DateTime? LastUsed { get; init; }
}

/// <summary><c>U54</c> APIKeyRevokeRequest: revokes a (revocable) key.</summary>
public sealed record ApiKeyRevokeRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.ApiKeyRevokeRequest;

    /// <summary>Correlation id echoed in the <see cref="ApiKeyRevokeResponse"/>.</summary>
    public required long APIKeyRevokeReqID { get; init; }

    /// <summary>The key to revoke.</summary>
    public required string APIKey { get; init; }
}

/// <summary><c>U55</c> APIKeyRevokeResponse: the key was revoked (<c>Status</c> 0).</summary>
public sealed record ApiKeyRevokeResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.ApiKeyRevokeResponse;

    /// <summary>The request's correlation id.</summary>
    public long APIKeyRevokeReqID { get; init; }

    /// <summary>The revoked key.</summary>
    public string? APIKey { get; init; }

    /// <summary>Status (0 revoked).</summary>
    public int? Status { get; init; }
}
