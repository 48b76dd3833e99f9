using System.Text.Json;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U52</c> APIKeyCreateRequest: creates an API key. Some MsgTypes may not be granted (<c>*</c>, <c>BE</c>,
/// <c>U50</c>/<c>U52</c>/<c>U54</c>…; PROTOCOL.md §2.8).</summary>
[MessageType(MessageTypes.ApiKeyCreateRequest)]
public sealed partial record ApiKeyCreateRequest : BlinkTradeMessage
{
    /// <summary>Correlation id echoed in the <see cref="ApiKeyCreateResponse"/>.</summary>
    public long APIKeyCreateReqID { get; init; }

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
