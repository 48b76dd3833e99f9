namespace BlinkTrade.Testing.Matching;

/// <summary>Command: a new order (the engine's compact form of a <c>D</c> NewOrderSingle).</summary>
/// <remarks>Amounts are satoshi integers (1e8-scaled): <see cref="Price"/> and <see cref="StopPx"/> in the quote
/// currency per whole base unit, <see cref="Quantity"/> in the base currency.</remarks>
internal readonly struct NewOrder
{
    /// <summary>Broker of the account that owns the order.</summary>
    public int BrokerId { get; init; }

    /// <summary>User (account) that owns the order.</summary>
    public int UserId { get; init; }

    /// <summary>The client's order id, echoed on every report; unique among the user's open orders. May be <see langword="null"/>.</summary>
    public string? ClOrdId { get; init; }

    /// <summary>Instrument symbol, for example <c>BTCUSD</c>.</summary>
    public string Symbol { get; init; }

    /// <summary>Buy or sell.</summary>
    public Side Side { get; init; }

    /// <summary>Market, limit, stop or stop-limit.</summary>
    public OrderType OrderType { get; init; }

    /// <summary>Limit price (limit and stop-limit orders); ignored (reported as 0) for market and stop orders.</summary>
    public long Price { get; init; }

    /// <summary>Trigger price (stop and stop-limit orders); ignored otherwise.</summary>
    public long StopPx { get; init; }

    /// <summary>Order quantity in base-currency satoshis.</summary>
    public long Quantity { get; init; }

    /// <summary>Time in force; the default value <see cref="TimeInForce.Day"/> behaves as good-till-cancel.</summary>
    public TimeInForce TimeInForce { get; init; }

    /// <summary>Post-only (<c>ExecInst "6"</c>): reject the order if it would take liquidity. Limit orders only.</summary>
    public bool PostOnly { get; init; }

    /// <summary>Caller's clock (for example UTC ticks) stamped on the order, its trades and ledger rows.</summary>
    public long Timestamp { get; init; }
}
