namespace BlinkTrade.Testing.Matching;

/// <summary>One market-data book change (an <c>X</c> <c>MDIncGrp</c> book entry, PROTOCOL.md §3.8) over visible orders only.</summary>
internal struct BookEvent
{
    /// <summary>Instrument symbol.</summary>
    public string Symbol { get; internal set; }

    /// <summary>New, change, delete or delete-thru.</summary>
    public BookUpdateAction Action { get; internal set; }

    /// <summary>Book side: <see cref="Side.Buy"/> for bids (<c>MDEntryType "0"</c>), <see cref="Side.Sell"/> for offers (<c>"1"</c>).</summary>
    public Side Side { get; internal set; }

    /// <summary>1-based position within the side; for delete-thru, the number of orders removed from the top.</summary>
    public int Position { get; internal set; }

    /// <summary>Order price (new and change only).</summary>
    public long Price { get; internal set; }

    /// <summary>Order leaves quantity (new and change only).</summary>
    public long Quantity { get; internal set; }

    /// <summary>Order id, the <c>MDEntryID</c> (0 for delete-thru).</summary>
    public long OrderId { get; internal set; }

    /// <summary>Broker of the owning account (new and change only).</summary>
    public int BrokerId { get; internal set; }

    /// <summary>Owning user (new and change only).</summary>
    public int UserId { get; internal set; }

    /// <summary>Creation time of the order (new and change only).</summary>
    public long OrderTimestamp { get; internal set; }
}
