using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U35</c> LedgerListResponse: one page of ledger rows (column-oriented <c>LedgerListGrp</c> on the wire).</summary>
[MessageType(MessageTypes.LedgerListResponse)]
public sealed partial record LedgerListResponse : PagedMessage
{
    /// <summary>The request's correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    [CorrelationId]
    public long LedgerListReqID { get; init; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<LedgerEntry> LedgerListGrp { get; init; } = [];
}
