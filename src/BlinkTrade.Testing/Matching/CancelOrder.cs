namespace BlinkTrade.Testing.Matching;

/// <summary>Command: cancel one open order (the engine's compact form of an <c>F</c> OrderCancelRequest naming an order).</summary>
/// <remarks>The order is found by <see cref="OrderId"/> when it is non-zero, otherwise by <see cref="OrigClOrdId"/>
/// (falling back to <see cref="ClOrdId"/>) among the account's open orders. It must belong to the account
/// (<see cref="BrokerId"/>, <see cref="UserId"/>); the gateway resolves broker-on-behalf-of-customer permissions.</remarks>
internal readonly struct CancelOrder
{
    /// <summary>Broker of the account that owns the order.</summary>
    public int BrokerId { get; init; }

    /// <summary>User (account) that owns the order.</summary>
    public int UserId { get; init; }

    /// <summary>Exchange order id, or 0 to look the order up by client order id.</summary>
    public long OrderId { get; init; }

    /// <summary>Client order id of the order to cancel (wins over <see cref="ClOrdId"/> when both are set).</summary>
    public string? OrigClOrdId { get; init; }

    /// <summary>Client order id, used when <see cref="OrigClOrdId"/> is not set.</summary>
    public string? ClOrdId { get; init; }

    /// <summary>Caller's clock stamped on the events.</summary>
    public long Timestamp { get; init; }
}
