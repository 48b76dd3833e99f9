using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U36</c> TradersRankRequest: the traders ranking (PROTOCOL.md §2.2).</summary>
[MessageType(MessageTypes.TradersRankRequest)]
public sealed partial record TradersRankRequest : PagedMessage
{
    /// <summary>Correlation id echoed in the <see cref="TradersRankResponse"/>.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    [CorrelationId]
    public required long TradersRankReqID { get; init; }

    /// <summary>Search terms.</summary>
    public IReadOnlyList<string>? Filter { get; init; }
}
