namespace BlinkTrade.Client.Account;

/// <summary>Which orders <see cref="IBlinkTradeClient.GetOrdersAsync"/> lists (the U4 <c>Filter</c>).</summary>
public enum OrderListFilter
{
    /// <summary>Every order (history), newest first.</summary>
    All,

    /// <summary>Orders with open quantity (<c>has_leaves_qty eq 1</c>).</summary>
    Open,

    /// <summary>Orders with executed quantity (<c>has_cum_qty eq 1</c>).</summary>
    Filled,

    /// <summary>Orders with cancelled quantity (<c>has_cxl_qty eq 1</c>).</summary>
    Cancelled,
}
