namespace BlinkTrade.Testing.Matching;

/// <summary>One fill: a trade market-data entry (<c>MDEntryType "2"</c>) and a trade-history row (PROTOCOL.md §3.8, §3.10).</summary>
internal struct Trade
{
    /// <summary>Trade id: monotonic over the engine's life.</summary>
    public long TradeId { get; internal set; }

    /// <summary>Instrument symbol.</summary>
    public string Symbol { get; internal set; }

    /// <summary>Fill price (the resting order's price).</summary>
    public long Price { get; internal set; }

    /// <summary>Fill quantity.</summary>
    public long Quantity { get; internal set; }

    /// <summary>Side of the aggressor (incoming) order.</summary>
    public Side AggressorSide { get; internal set; }

    /// <summary>Aggressor order id (<c>OrderID</c>).</summary>
    public long OrderId { get; internal set; }

    /// <summary>Resting order id (<c>SecondaryOrderID</c>).</summary>
    public long SecondaryOrderId { get; internal set; }

    /// <summary>Buyer's broker.</summary>
    public int BuyerBrokerId { get; internal set; }

    /// <summary>Buyer (<c>MDEntryBuyerID</c>).</summary>
    public int BuyerUserId { get; internal set; }

    /// <summary>Seller's broker.</summary>
    public int SellerBrokerId { get; internal set; }

    /// <summary>Seller (<c>MDEntrySellerID</c>).</summary>
    public int SellerUserId { get; internal set; }

    /// <summary>Caller's clock of the command that produced the trade.</summary>
    public long Timestamp { get; internal set; }
}
