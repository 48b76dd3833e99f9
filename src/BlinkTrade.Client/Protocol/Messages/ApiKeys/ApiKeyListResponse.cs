using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U51</c> APIKeyListResponse: active keys (column-oriented <c>ApiKeyListGrp</c>; secrets are never listed).</summary>
[MessageType(MessageTypes.ApiKeyListResponse)]
public sealed partial record ApiKeyListResponse : PagedMessage
{
    /// <summary>The request's correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    [CorrelationId]
    public long APIKeyListReqID { get; init; }

    /// <summary>The keys.</summary>
    public IReadOnlyList<ApiKeyListEntry> ApiKeyListGrp { get; init; } = [];
}
