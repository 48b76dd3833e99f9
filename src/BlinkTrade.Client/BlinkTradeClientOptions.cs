using BlinkTrade.Client.Transport;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Client;

/// <summary>Options of <see cref="BlinkTradeClient"/>.</summary>
public sealed class BlinkTradeClientOptions
{
    /// <summary>The WebSocket endpoint (<c>ws://</c> or <c>wss://</c>), e.g. <c>wss://api_testnet.blinktrade.com/trade/</c>.
    /// Required for the WebSocket transport (the default); a transport that needs no address (the reference exchange's
    /// in-memory one) runs without it.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The broker (exchange) id, sent on login and orders (5 = testnet).</summary>
    public int BrokerId { get; set; }

    /// <summary>How to log in; <see langword="null"/> for an anonymous session (public market data only).
    /// When set, <see cref="IBlinkTradeClient.ConnectAsync"/> logs in, and every reconnect logs in again.</summary>
    public BlinkTradeCredentials? Credentials { get; set; }

    /// <summary>How often a TestRequest is sent; default 30 seconds (PROTOCOL.md G28).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a TestRequest may go unanswered before it counts as missed; default 15 seconds.</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>After this long without any inbound frame a TestRequest is sent at once instead of waiting for the
    /// next interval; default 20 seconds (PROTOCOL.md §1.4). <see cref="Timeout.InfiniteTimeSpan"/> disables it.</summary>
    public TimeSpan HeartbeatAfterSilence { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Missed heartbeats in a row after which the connection is stale and replaced; default 2.</summary>
    public int MaxMissedHeartbeats { get; set; } = 2;

    /// <summary>How long a request waits for its response before failing with
    /// <see cref="Requests.BlinkTradeTimeoutException"/>; default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The reconnect policy.</summary>
    public ReconnectOptions Reconnect { get; set; } = new();

    /// <summary>Outgoing-message pacing under the server's rate limit (on by default: 15 messages per rolling second).</summary>
    public PacingOptions Pacing { get; set; } = new();

    /// <summary>Client-side pre-trade checks of orders against the exchange's instrument list (on by default: prices
    /// rounded to the pip, never to a worse limit; minimum quantity; side and order-type sanity).</summary>
    public PreTradeCheckOptions PreTradeChecks { get; set; } = new();

    /// <summary>How many items a subscriber may fall behind before the back-pressure policy applies; default 10 000.</summary>
    public int SubscriberQueueCapacity { get; set; } = 10_000;

    /// <summary>How many closed orders <see cref="IBlinkTradeClient.Orders"/> keeps (open orders are always kept); the
    /// oldest closed orders are forgotten beyond it, so a long-running session does not grow without bound.</summary>
    public int MaxClosedOrders { get; set; } = Trading.OrderTracker.DefaultMaxClosedOrders;

    /// <summary>The clock for heartbeats, timeouts and backoff; <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the client logs; nothing is logged when <see langword="null"/>.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Where the client's meter comes from (<see cref="Diagnostics.BlinkTradeTelemetry.Name"/>); the container's
    /// when registered with <c>AddBlinkTradeClient</c>. When <see langword="null"/> the client owns a meter of its own,
    /// which listeners still find by name (OpenTelemetry's <c>AddMeter</c>, <c>dotnet-counters</c>).</summary>
    public System.Diagnostics.Metrics.IMeterFactory? MeterFactory { get; set; }

    /// <summary>How connections are opened; a <see cref="WebSocketTransport"/> when <see langword="null"/>.
    /// Tests use an in-memory transport (the reference exchange's, or a scripted peer).</summary>
    public IBlinkTradeTransport? Transport { get; set; }

    /// <summary>Checks the options before a client uses them.</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    public void Validate()
    {
        if (Endpoint is null ? Transport is null or WebSocketTransport : Endpoint.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentException("BlinkTradeClientOptions.Endpoint must be a ws:// or wss:// URI (only a transport that needs no address may run without one).", nameof(Endpoint));
        }
        if (HeartbeatInterval <= TimeSpan.Zero || HeartbeatTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Heartbeat interval and timeout must be positive.", nameof(HeartbeatInterval));
        }
        if (HeartbeatAfterSilence <= TimeSpan.Zero && HeartbeatAfterSilence != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("HeartbeatAfterSilence must be positive or infinite.", nameof(HeartbeatAfterSilence));
        }
        if (MaxMissedHeartbeats < 1)
        {
            throw new ArgumentException("MaxMissedHeartbeats must be at least 1.", nameof(MaxMissedHeartbeats));
        }
        if (RequestTimeout <= TimeSpan.Zero && RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("RequestTimeout must be positive or infinite.", nameof(RequestTimeout));
        }
        if (SubscriberQueueCapacity < 1)
        {
            throw new ArgumentException("SubscriberQueueCapacity must be at least 1.", nameof(SubscriberQueueCapacity));
        }
        if (MaxClosedOrders < 1)
        {
            throw new ArgumentException("MaxClosedOrders must be at least 1.", nameof(MaxClosedOrders));
        }
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(Reconnect);
        ArgumentNullException.ThrowIfNull(Pacing);
        ArgumentNullException.ThrowIfNull(PreTradeChecks);
        if (Pacing.MaxMessagesPerSecond < 1)
        {
            throw new ArgumentException("Pacing.MaxMessagesPerSecond must be at least 1 (set Pacing.Enabled = false to turn pacing off).", nameof(Pacing));
        }
        if (Pacing.SafetyMargin < TimeSpan.Zero || Pacing.SafetyMargin > TimeSpan.FromMinutes(1))
        {
            throw new ArgumentException("Pacing.SafetyMargin must be between zero and one minute.", nameof(Pacing));
        }
        if (Reconnect.MaxAttempts is < 1)
        {
            throw new ArgumentException("Reconnect.MaxAttempts must be at least 1 (or null for unlimited).", nameof(Reconnect));
        }
        if (Reconnect.InitialDelay <= TimeSpan.Zero || Reconnect.MaxDelay < Reconnect.InitialDelay)
        {
            throw new ArgumentException("Reconnect delays must be positive, with MaxDelay at least InitialDelay.", nameof(Reconnect));
        }
    }
}
