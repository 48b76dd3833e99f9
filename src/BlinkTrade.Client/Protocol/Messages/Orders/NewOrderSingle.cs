namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>D</c> NewOrderSingle: places an order (PROTOCOL.md §2.3). The server answers with <see cref="ExecutionReport"/>
/// publications correlated by <see cref="ClOrdID"/>.
/// </summary>
[MessageType(MessageTypes.NewOrderSingle)]
public sealed partial record NewOrderSingle : BlinkTradeMessage
{
    /// <summary>Client order id: a string of at most 30 characters, unique among the user's live orders.</summary>
    public string? ClOrdID { get; init; }

    /// <summary>Instrument, e.g. <c>BTCUSD</c>.</summary>
    public string? Symbol { get; init; }

    /// <summary>Buy or sell.</summary>
    public Side Side { get; init; }

    /// <summary>Market, limit, stop or stop-limit.</summary>
    public OrdType OrdType { get; init; }

    /// <summary>Limit price (required for limit and stop-limit; omitted for market and stop).</summary>
    public Price? Price { get; init; }

    /// <summary>Trigger price (required for stop and stop-limit).</summary>
    public Price? StopPx { get; init; }

    /// <summary>Quantity of the base currency.</summary>
    public Quantity OrderQty { get; init; }

    /// <summary>Time in force; good-till-cancel when omitted.</summary>
    public TimeInForce? TimeInForce { get; init; }

    /// <summary>Execution instruction (<see cref="Protocol.ExecInst.PostOnly"/>).</summary>
    public ExecInst? ExecInst { get; init; }

    /// <summary>Broker (exchange) id.</summary>
    public int? BrokerID { get; init; }

    /// <summary>Customer a broker places the order for (id, username or email); a non-broker may only name himself.</summary>
    public string? ClientID { get; init; }

    /// <summary>Pegged orders' price type (unsupported by the engines).</summary>
    public int? PegPriceType { get; init; }
}
