namespace BlinkTrade.Testing.Tests.Gateway;

public enum TransportKind
{
    InMemory,
    WebSocket,
}
