namespace BlinkTrade.Client;

/// <summary>The client's connection state, published on <see cref="IBlinkTradeClient.ConnectionStates"/>.</summary>
public enum ConnectionState
{
    /// <summary>Not connected, and not trying to (initial state, after <see cref="IBlinkTradeClient.DisconnectAsync"/>, or when the reconnect policy gave up).</summary>
    Disconnected,

    /// <summary>Opening the first connection.</summary>
    Connecting,

    /// <summary>Connected; anonymous (public requests only) until a login succeeds.</summary>
    Connected,

    /// <summary>Connected and logged in.</summary>
    LoggedIn,

    /// <summary>The connection was lost; the client is reconnecting (backoff, connect, re-login, resubscribe, reconcile).</summary>
    Reconnecting,
}
