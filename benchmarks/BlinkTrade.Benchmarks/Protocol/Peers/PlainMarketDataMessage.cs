namespace BlinkTrade.Benchmarks.Protocol.Peers;

/// <summary>A <c>W</c> or <c>X</c> frame as a client without the SDK would keep it (the fields the SDK's client reads).</summary>
public sealed class PlainMarketDataMessage
{
    /// <summary>MsgType (<c>W</c> or <c>X</c>).</summary>
    public required string MsgType { get; init; }

    /// <summary>MDReqID.</summary>
    public long RequestId { get; set; }

    /// <summary>MDBkTyp code (X).</summary>
    public string? BookType { get; set; }

    /// <summary>Symbol (W).</summary>
    public string? Symbol { get; set; }

    /// <summary>MarketDepth (W).</summary>
    public int? MarketDepth { get; set; }

    /// <summary>MDFullGrp (W) or MDIncGrp (X).</summary>
    public PlainMarketDataEntry[]? Entries { get; set; }
}
