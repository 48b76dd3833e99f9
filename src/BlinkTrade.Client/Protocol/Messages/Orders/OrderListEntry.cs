namespace BlinkTrade.Client.Protocol;

/// <summary>One row of <see cref="OrdersListResponse.OrdListGrp"/>.</summary>
public sealed record OrderListEntry : ProtocolRecord
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
}
