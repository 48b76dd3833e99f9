namespace BlinkTrade.Client.Transport;

/// <summary>Options of <see cref="WebSocketTransport"/>.</summary>
public sealed class WebSocketTransportOptions
{
    /// <summary>The largest frame accepted from the server; default 10 MiB.</summary>
    public int MaxFrameBytes { get; set; } = WebSocketConnection.DefaultMaxFrameBytes;

    /// <summary>How long a connection attempt may take; default 15 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>WebSocket protocol-level keep-alive (ping) interval; default 30 seconds. BlinkTrade's own
    /// heartbeat (TestRequest/Heartbeat) runs on top and detects stale links.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Extra HTTP headers for the upgrade request (e.g. a User-Agent).</summary>
    public IDictionary<string, string> RequestHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
