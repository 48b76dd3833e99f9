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

    /// <summary>Where the exchange's meter (<see cref="Telemetry.ExchangeTelemetry.Name"/>) comes from; when
    /// <see langword="null"/> the exchange owns a meter of its own, still found by name by OpenTelemetry's
    /// <c>AddMeter</c> and <c>dotnet-counters</c>.</summary>
    public System.Diagnostics.Metrics.IMeterFactory? MeterFactory { get; init; }

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

    /// <summary>
    /// How many password hashes (logins, signups, password changes) are computed at once, on dedicated threads and
    /// first come first served, so a login burst never starves logged-in sessions. 0: every core but one (1–4).
    /// </summary>
    public int PasswordHashConcurrency { get; init; }

    /// <summary>Failed logins (wrong password or second factor) per username within <see cref="LoginFailureWindow"/> after which further attempts are refused until the window passes. 0 disables.</summary>
    public int LoginFailureLimit { get; init; } = 5;

    /// <summary>Failed logins per connection address within <see cref="LoginFailureWindow"/> after which further attempts from it are refused until the window passes. 0 disables.</summary>
    public int LoginFailureLimitPerAddress { get; init; } = 20;

    /// <summary>The sliding window of <see cref="LoginFailureLimit"/> and <see cref="LoginFailureLimitPerAddress"/>, on <see cref="TimeProvider"/>. Zero disables throttling.</summary>
    public TimeSpan LoginFailureWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A session that has neither logged in nor subscribed to market data this long after it opened gets ERROR
    /// "Session timeout" and is closed (on <see cref="TimeProvider"/>). Zero or negative disables.
    /// </summary>
    public TimeSpan LoginTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the Kestrel host waits for a connection's request headers (the WebSocket upgrade or a REST call) and
    /// between keep-alive requests before closing it (Kestrel's own timers, on the system clock).
    /// </summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Checks second-factor codes (U16, BE SecondFactor); defaults to RFC 6238 TOTP over <see cref="TimeProvider"/>.</summary>
    public ISecondFactorCodeProvider? SecondFactorCodeProvider { get; init; }

    /// <summary>Where email second-factor tokens are delivered (an <see cref="EmailTokenOutbox"/> in tests); without
    /// one, users with the email second factor can log in only from devices they already trusted.</summary>
    public IEmailTokenSink? EmailTokenSink { get; init; }

    /// <summary>How long an emailed second-factor token is accepted (on <see cref="TimeProvider"/>).</summary>
    public TimeSpan EmailTokenLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether to serve WebSocket (<c>/trade/</c> and <c>/</c>) and the REST endpoints on Kestrel, bound to 127.0.0.1.</summary>
    public bool EnableWebSocketServer { get; init; }

    /// <summary>The loopback port of the WebSocket server; 0 picks a free one (see <see cref="ReferenceExchange.WebSocketUri"/>).</summary>
    public int WebSocketPort { get; init; }

    /// <summary>Initial brokers, instruments, users, balances and API keys (the standalone server's seed file).</summary>
    public ExchangeSeed? Seed { get; init; }

    /// <summary>Records every session's frames, both ways, to this tape (the standalone server's <c>--record FILE</c>); null records nothing.</summary>
    public Tapes.TapeRecorder? SessionTape { get; init; }
    /// <summary>
    /// Settings tuned for unit tests: one PBKDF2 iteration (a login costs microseconds, not 100 ms), no message-rate
    /// limit (a test that checks throttling sets <see cref="MaxMessagesPerSecond"/>), no idle or login timeout (a test
    /// that jumps a manual clock by minutes keeps its quiet sessions), in-memory transport only, and
    /// <paramref name="clock"/> as the exchange's clock.
    /// </summary>
    /// <param name="clock">The exchange's clock, typically a <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>; the system clock when null.</param>
    /// <returns>The options; change any of them with <c>with { … }</c>.</returns>
    public static ReferenceExchangeOptions ForTests(TimeProvider? clock = null) => new()
    {
        TimeProvider = clock ?? TimeProvider.System,
        PasswordHashIterations = 1,
        MaxMessagesPerSecond = 0,
        IdleTimeout = TimeSpan.Zero,
        LoginTimeout = TimeSpan.Zero,
    };
}
