using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U4</c> OrdersListRequest: the user's orders, newest first (PROTOCOL.md §2.3). Answered by <see cref="OrdersListResponse"/>.</summary>
[MessageType(MessageTypes.OrdersListRequest)]
public sealed partial record OrdersListRequest : PagedMessage
{
    /// <summary>Filter for open orders.</summary>
    public const string OpenOrdersFilter = "has_leaves_qty eq 1";

    /// <summary>Filter for orders with fills.</summary>
    public const string FilledOrdersFilter = "has_cum_qty eq 1";

    /// <summary>Filter for orders with cancelled quantity.</summary>
    public const string CancelledOrdersFilter = "has_cxl_qty eq 1";

    /// <summary>Correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    [CorrelationId]
    public long OrdersReqID { get; init; }

    /// <summary>Filters such as <c>"has_leaves_qty eq 1"</c>; none = all orders.</summary>
    public IReadOnlyList<string>? Filter { get; init; }
}
