using System.Text.Json;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>One API key of an <see cref="ApiKeyListResponse"/>.</summary>
public sealed partial record ApiKeyListEntry : ProtocolRecord
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
}
