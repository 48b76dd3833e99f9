namespace BlinkTrade.Testing.Matching;

/// <summary>One execution report (<c>8</c>) with every field the wire message needs (PROTOCOL.md §2.3, §3.5, §3.9).</summary>
/// <remarks>Written by the engine into <see cref="EngineEventBuffer"/>; valid until the next command.</remarks>
internal struct ExecutionReport
{
    /// <summary>Execution id: monotonic over the engine's life, never reused.</summary>
    public long ExecId { get; internal set; }

    /// <summary>Exchange order id.</summary>
    public long OrderId { get; internal set; }

    /// <summary>The client's order id, as sent.</summary>
    public string? ClOrdId { get; internal set; }

    /// <summary>What this report reports.</summary>
    public ExecType ExecType { get; internal set; }

    /// <summary>Order state after the event.</summary>
    public OrderStatus OrderStatus { get; internal set; }

    /// <summary>Side of the aggressor on fill reports; the order's own side on new, cancel and reject reports.</summary>
    public Side ExecSide { get; internal set; }

    /// <summary>Instrument symbol, as sent.</summary>
    public string Symbol { get; internal set; }

    /// <summary>Order side.</summary>
    public Side Side { get; internal set; }

    /// <summary>Order type, as sent (a triggered stop keeps <see cref="OrderType.Stop"/> / <see cref="OrderType.StopLimit"/>).</summary>
    public OrderType OrderType { get; internal set; }

    /// <summary>Time in force, as sent.</summary>
    public TimeInForce TimeInForce { get; internal set; }

    /// <summary>Order quantity.</summary>
    public long OrderQty { get; internal set; }

    /// <summary>Limit price; 0 for market and stop orders.</summary>
    public long Price { get; internal set; }

    /// <summary>Trigger price of stop orders; 0 otherwise.</summary>
    public long StopPx { get; internal set; }

    /// <summary>Quantity of this fill; 0 on non-fill reports (§5 G18).</summary>
    public long LastShares { get; internal set; }

    /// <summary>Price of this fill; 0 on non-fill reports (§5 G18).</summary>
    public long LastPx { get; internal set; }

    /// <summary>Quantity still open.</summary>
    public long LeavesQty { get; internal set; }

    /// <summary>Quantity executed so far.</summary>
    public long CumQty { get; internal set; }

    /// <summary>Quantity cancelled (or rejected). <c>CumQty + LeavesQty + CxlQty == OrderQty</c> always holds.</summary>
    public long CxlQty { get; internal set; }

    /// <summary>Average fill price, <c>floor((Px×Qty + CumQty×AvgPx)/(CumQty+Qty))</c> per fill (§3.5).</summary>
    public long AvgPx { get; internal set; }

    /// <summary>Reject reason on rejects, <see cref="OrderRejectReason.None"/> otherwise.</summary>
    public OrderRejectReason OrdRejReason { get; internal set; }

    /// <summary>Human-readable reason on rejects and engine-initiated cancels; <see langword="null"/> otherwise.</summary>
    public string? Text { get; internal set; }

    /// <summary>Broker of the owning account.</summary>
    public int BrokerId { get; internal set; }

    /// <summary>Owning user (account).</summary>
    public int UserId { get; internal set; }

    /// <summary>Caller's clock of the command that produced the report.</summary>
    public long Timestamp { get; internal set; }
}
