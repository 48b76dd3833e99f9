namespace BlinkTrade.Benchmarks.Protocol.Peers;

/// <summary>An <c>8</c> execution report as a client without the SDK would keep it: codes as wire strings, amounts as satoshis.</summary>
public sealed class PlainExecutionReport
{
    /// <summary>OrderID.</summary>
    public long OrderId { get; set; }

    /// <summary>ClOrdID.</summary>
    public string? ClOrdId { get; set; }

    /// <summary>ExecID.</summary>
    public long ExecId { get; set; }

    /// <summary>ExecType code.</summary>
    public string? ExecType { get; set; }

    /// <summary>OrdStatus code.</summary>
    public string? OrdStatus { get; set; }

    /// <summary>ExecSide code.</summary>
    public string? ExecSide { get; set; }

    /// <summary>Symbol.</summary>
    public string? Symbol { get; set; }

    /// <summary>Side code.</summary>
    public string? Side { get; set; }

    /// <summary>OrdType code.</summary>
    public string? OrdType { get; set; }

    /// <summary>TimeInForce code.</summary>
    public string? TimeInForce { get; set; }

    /// <summary>OrderQty.</summary>
    public long OrderQty { get; set; }

    /// <summary>Price.</summary>
    public long Price { get; set; }

    /// <summary>LastShares.</summary>
    public long LastShares { get; set; }

    /// <summary>LastPx.</summary>
    public long LastPx { get; set; }

    /// <summary>LeavesQty.</summary>
    public long LeavesQty { get; set; }

    /// <summary>CumQty.</summary>
    public long CumQty { get; set; }

    /// <summary>CxlQty.</summary>
    public long CxlQty { get; set; }

    /// <summary>AvgPx.</summary>
    public long AvgPx { get; set; }
}
