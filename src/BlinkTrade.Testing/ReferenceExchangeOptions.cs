using BlinkTrade.Client.Transport;
using BlinkTrade.Testing.Users;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing;

/// <summary>Settings of a <see cref="ReferenceExchange"/>.</summary>
public sealed record ReferenceExchangeOptions
{
    /// <summary>The clock of the exchange (order and trade times, rate limit, 24-hour statistics, TOTP). Use a manual clock in tests.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the exchange logs (connections, message types, refusals). Frame contents and secrets are never logged.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Per-connection limit: more inbound messages than this within one second ⇒ ERROR, then close (bitex: 15). 0 disables.</summary>
    public int MaxMessagesPerSecond { get; init; } = 15;

    /// <summary>The largest inbound frame accepted; a larger one drops the connection.</summary>
    public int MaxFrameBytes { get; init; } = WebSocketConnection.DefaultMaxFrameBytes;

    /// <summary>How many outbound messages may wait for one session; a session further behind is disconnected with an ERROR.</summary>
    public int SessionQueueCapacity { get; init; } = 4096;

    /// <summary>
    /// How many bytes of outbound messages may wait for one session (4 MiB); a session further behind is disconnected
    /// with <c>ERROR "Slow consumer"</c>, like one over <see cref="SessionQueueCapacity"/>. A single message larger than
    /// this is still sent when nothing else is queued. Zero or negative disables the byte bound.
    /// </summary>
    public long MaxSessionQueueBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>A session that sends nothing for this long gets ERROR "Session timeout" and is closed (§5 G28: 90 s). Zero or negative disables.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>PBKDF2 iterations for stored password hashes (lower it in tests to keep them fast).</summary>
    public int PasswordHashIterations { get; init; } = 100_000;

    /// <summary>Checks second-factor codes (U16, BE SecondFactor); defaults to RFC 6238 TOTP over <see cref="TimeProvider"/>.</summary>
    public ISecondFactorCodeProvider? SecondFactorCodeProvider { get; init; }

    /// <summary>Whether to serve WebSocket (<c>/trade/</c> and <c>/</c>) and the REST endpoints on Kestrel, bound to 127.0.0.1.</summary>
    public bool EnableWebSocketServer { get; init; }

    /// <summary>The loopback port of the WebSocket server; 0 picks a free one (see <see cref="ReferenceExchange.WebSocketUri"/>).</summary>
    public int WebSocketPort { get; init; }

    /// <summary>Initial brokers, instruments, users, balances and API keys (the standalone server's seed file).</summary>
    public ExchangeSeed? Seed { get; init; }
}
