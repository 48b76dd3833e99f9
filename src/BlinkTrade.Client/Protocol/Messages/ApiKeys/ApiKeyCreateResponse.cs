using System.Text.Json;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>U53</c> APIKeyCreateResponse: the new key with its secret and password — the only time they are returned.
/// <see cref="PermissionList"/> and <see cref="IPWhiteList"/> may arrive JSON-encoded as strings, even several times
/// (PROTOCOL.md §5 G22); they are always written as real JSON.
/// </summary>
[MessageType(MessageTypes.ApiKeyCreateResponse)]
public sealed partial record ApiKeyCreateResponse : BlinkTradeMessage
{
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
