namespace BlinkTrade.EndToEnd.Tests.Support;

/// <summary>How a client reaches the reference exchange.</summary>
public enum TransportKind
{
    /// <summary>The exchange's in-memory transport (no sockets).</summary>
    InMemory,

    /// <summary>A real WebSocket to the exchange's Kestrel loopback host.</summary>
    WebSocket,
}
