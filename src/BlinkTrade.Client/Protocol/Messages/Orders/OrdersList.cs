using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U4</c> OrdersListRequest: the user's orders, newest first (PROTOCOL.md §2.3). Answered by <see cref="OrdersListResponse"/>.</summary>
public sealed record OrdersListRequest : BlinkTradeMessage
{
    /// <summary>Filter for open orders.</summary>
    public const string OpenOrdersFilter = "has_leaves_qty eq 1";

    /// <summary>Filter for orders with fills.</summary>
    public const string FilledOrdersFilter = "has_cum_qty eq 1";

    /// <summary>Filter for orders with cancelled quantity.</summary>
    public const string CancelledOrdersFilter = "has_cxl_qty eq 1";

    /// <inheritdoc />
    public override string MsgType => MessageTypes.OrdersListRequest;

    /// <summary>Correlation id.</summary>
    public long OrdersReqID { get; init; }

    /// <summary>Page (0-based).</summary>
    public int? Page { get; init; }

    /// <summary>Page size.</summary>
    public int? PageSize { get; init; }

    /// <summary>Filters such as <c>"has_leaves_qty eq 1"</c>; none = all orders.</summary>
    public IReadOnlyList<string>? Filter { get; init; }
}

/// <summary><c>U5</c> OrdersListResponse: on the wire <c>Columns</c> + <c>OrdListGrp</c> rows of arrays, read as typed rows.
/// Request the next page while <c>OrdListGrp.Count &gt;= PageSize</c>.</summary>
public sealed record OrdersListResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.OrdersListResponse;

    /// <summary>The request's correlation id.</summary>
    public long OrdersReqID { get; init; }

    /// <summary>Page (0-based).</summary>
    public int? Page { get; init; }

    /// <summary>Page size.</summary>
    public int? PageSize { get; init; }

    /// <summary>The orders.</summary>
    public IReadOnlyList<OrderListEntry>? OrdListGrp { get; init; }
}

/// <summary>One row of <see cref="OrdersListResponse.OrdListGrp"/>.</summary>
public sealed record OrderListEntry
{
    /// <summary>Client order id.</summary>
    public string? ClOrdID { get; init; }

    /// <summary>Exchange order id.</summary>
    public long? OrderID { get; init; }

    /// <summary>Quantity executed.</summary>
    public Quantity CumQty { get; init; }

    /// <summary>Order status.</summary>
    public OrdStatus OrdStatus { get; init; }

    /// <summary>Quantity open.</summary>
    public Quantity LeavesQty { get; init; }

    /// <summary>Quantity cancelled.</summary>
    public Quantity CxlQty { get; init; }

    /// <summary>Average fill price.</summary>
    public Price AvgPx { get; init; }

    /// <summary>Instrument.</summary>
    public string? Symbol { get; init; }

    /// <summary>Side.</summary>
    public Side Side { get; init; }

    /// <summary>Order type.</summary>
    public OrdType OrdType { get; init; }

    /// <summary>Original quantity.</summary>
    public Quantity OrderQty { get; init; }

    /// <summary>Limit price.</summary>
    public Price Price { get; init; }

    /// <summary>Creation time.</summary>
    public DateTime? OrderDate { get; init; }

    /// <summary>Executed notional <c>AvgPx × CumQty / 1e8</c> (engine-2015 sends it as an integral float).</summary>
    public Amount? Volume { get; init; }

    /// <summary>Time in force.</summary>
    public TimeInForce? TimeInForce { get; init; }

    /// <summary>Columns this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
