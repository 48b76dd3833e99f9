using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

// The wire fields, attributes and docs of this record are in Protocol/Dictionary/Messages.json.
public sealed partial record OrdersListRequest
{
    /// <summary>Filter for open orders.</summary>
    public const string OpenOrdersFilter = "has_leaves_qty eq 1";

    /// <summary>Filter for orders with fills.</summary>
    public const string FilledOrdersFilter = "has_cum_qty eq 1";

    /// <summary>Filter for orders with cancelled quantity.</summary>
    public const string CancelledOrdersFilter = "has_cxl_qty eq 1";
}
