using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U50</c> APIKeyListRequest: the user's active API keys (PROTOCOL.md §2.8).</summary>
[MessageType(MessageTypes.ApiKeyListRequest)]
public sealed partial record ApiKeyListRequest : PagedMessage
{
    /// <summary>Correlation id echoed in the <see cref="ApiKeyListResponse"/>.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    [CorrelationId]
    public long APIKeyListReqID { get; init; }
}
