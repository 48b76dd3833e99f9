using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U33</c> TradeHistoryResponse: on the wire <c>Columns</c> + <c>TradeHistoryGrp</c> rows of arrays, newest first.</summary>
[MessageType(MessageTypes.TradeHistoryResponse)]
public sealed partial record TradeHistoryResponse : PagedMessage
{
    /// <summary>The request's correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    [CorrelationId]
    public long TradeHistoryReqID { get; init; }

    /// <summary>Echo of the request's <c>Since</c>.</summary>
    public long? Since { get; init; }

    /// <summary>The trades.</summary>
    public IReadOnlyList<TradeHistoryEntry>? TradeHistoryGrp { get; init; }
}
