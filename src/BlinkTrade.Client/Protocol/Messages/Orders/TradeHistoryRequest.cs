using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U32</c> TradeHistoryRequest: recent public trades (PROTOCOL.md §2.3). Answered by <see cref="TradeHistoryResponse"/>.</summary>
[MessageType(MessageTypes.TradeHistoryRequest)]
public sealed partial record TradeHistoryRequest : PagedMessage
{
    /// <summary>Correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    [CorrelationId]
    public long TradeHistoryReqID { get; init; }

    /// <summary>Above 1 000 000 000: unix seconds (trades at/after it); otherwise a TradeID (trades after it). Default: last 24 h.</summary>
    public long? Since { get; init; }

    /// <summary>Filters (open-ended).</summary>
    public JsonElement? Filter { get; init; }

    /// <summary>Symbols (2016+ JS).</summary>
    public IReadOnlyList<string>? SymbolList { get; init; }
}
