using System.Text.Json.Serialization;
namespace BlinkTrade.Client.Protocol;

/// <summary><c>U28</c> BrokerListRequest: the public broker directory (PROTOCOL.md §2.9). Answered by <see cref="BrokerListResponse"/>.</summary>
[MessageType(MessageTypes.BrokerListRequest)]
public sealed partial record BrokerListRequest : PagedMessage
{
    /// <summary>Correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    [CorrelationId]
    public long BrokerListReqID { get; init; }

    /// <summary>Statuses to list (default <c>["1"]</c> = active).</summary>
    public IReadOnlyList<string>? StatusList { get; init; }

    /// <summary>Country filter.</summary>
    public string? Country { get; init; }
}
