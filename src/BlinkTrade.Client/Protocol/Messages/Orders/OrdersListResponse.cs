using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U5</c> OrdersListResponse: on the wire <c>Columns</c> + <c>OrdListGrp</c> rows of arrays, read as typed rows.
/// Request the next page while <c>OrdListGrp.Count &gt;= PageSize</c>.</summary>
[MessageType(MessageTypes.OrdersListResponse)]
public sealed partial record OrdersListResponse : PagedMessage
{
    /// <summary>The request's correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    [CorrelationId]
    public long OrdersReqID { get; init; }

    /// <summary>The orders.</summary>
    public IReadOnlyList<OrderListEntry>? OrdListGrp { get; init; }
}
