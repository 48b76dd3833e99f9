namespace BlinkTrade.Client.Protocol;

/// <summary><c>1</c> TestRequest: asks the peer for a <see cref="Heartbeat"/> (keep-alive and latency, PROTOCOL.md §1.4).</summary>
[MessageType(MessageTypes.TestRequest)]
public sealed partial record TestRequest : BlinkTradeMessage
{
    /// <summary>Correlation id echoed in the heartbeat (string or number on the wire).</summary>
    public string? TestReqID { get; init; }

    /// <summary>Client send time (epoch milliseconds in the JS SDK); echoed verbatim.</summary>
    public long? SendTime { get; init; }
}
