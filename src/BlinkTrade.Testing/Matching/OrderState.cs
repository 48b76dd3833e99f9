namespace BlinkTrade.Testing.Matching;

/// <summary>A snapshot of one open order (an <c>U5</c> row).</summary>
internal readonly record struct OrderState
{
    /// <summary>Exchange order id.</summary>
    public long OrderId { get; init; }

    /// <summary>Client order id.</summary>
    public string? ClOrdId { get; init; }

    /// <summary>Broker of the owner.</summary>
    public int BrokerId { get; init; }

    /// <summary>Owner.</summary>
    public int UserId { get; init; }

    /// <summary>Instrument symbol.</summary>
    public string Symbol { get; init; }

    /// <summary>Side.</summary>
    public Side Side { get; init; }

    /// <summary>Order type as sent.</summary>
    public OrderType OrderType { get; init; }

    /// <summary>Time in force as sent.</summary>
    public TimeInForce TimeInForce { get; init; }

    /// <summary>Limit price (0 for market and stop).</summary>
    public long Price { get; init; }

    /// <summary>Trigger price (stop orders).</summary>
    public long StopPx { get; init; }

    /// <summary>Order quantity.</summary>
    public long OrderQty { get; init; }

    /// <summary>Open quantity.</summary>
    public long LeavesQty { get; init; }

    /// <summary>Executed quantity.</summary>
    public long CumQty { get; init; }

    /// <summary>Cancelled quantity.</summary>
    public long CxlQty { get; init; }

    /// <summary>Average fill price.</summary>
    public long AvgPx { get; init; }

    /// <summary>Current status.</summary>
    public OrderStatus Status { get; init; }

    /// <summary>Funds reserved by the order (quote for limit buys, base for sells).</summary>
    public long Locked { get; init; }

    /// <summary>An untriggered stop order (hidden from the book).</summary>
    public bool IsWaitingForTrigger { get; init; }

    /// <summary>Post-only.</summary>
    public bool PostOnly { get; init; }

    /// <summary>Creation time.</summary>
    public long Timestamp { get; init; }
}
