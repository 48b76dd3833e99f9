namespace BlinkTrade.Testing.Matching;

/// <summary>
/// An execution report as the engine writes it: what changed at the event (72 bytes). The order's identity and terms — ids,
/// symbol, side, type, quantities, prices, owner — are read from its slot when the report is built
/// (<see cref="EngineEventBuffer.ExecutionReports"/>), not copied at every fill: a slot closed during the command keeps them until
/// the next command allocates it again.
/// </summary>
internal struct PendingReport
{
    /// <summary>See <see cref="ExecutionReport.ExecId"/>.</summary>
    public long ExecId;

    /// <summary>See <see cref="ExecutionReport.Timestamp"/>.</summary>
    public long Timestamp;

    /// <summary>See <see cref="ExecutionReport.LastShares"/>.</summary>
    public long LastShares;

    /// <summary>See <see cref="ExecutionReport.LastPx"/>.</summary>
    public long LastPx;

    /// <summary>See <see cref="ExecutionReport.LeavesQty"/>.</summary>
    public long LeavesQty;

    /// <summary>See <see cref="ExecutionReport.CumQty"/> (with <see cref="LeavesQty"/> and the order quantity it gives the cancelled
    /// quantity: the three always add up to the order quantity).</summary>
    public long CumQty;

    /// <summary>See <see cref="ExecutionReport.AvgPx"/>.</summary>
    public long AvgPx;

    /// <summary>See <see cref="ExecutionReport.Text"/>.</summary>
    public string? Text;

    /// <summary>The order's slot, or -1 for a report written whole (a reject: no slot).</summary>
    public int Slot;

    /// <summary>See <see cref="ExecutionReport.ExecType"/>.</summary>
    public ExecType ExecType;

    /// <summary>See <see cref="ExecutionReport.ExecSide"/>.</summary>
    public Side ExecSide;
}
