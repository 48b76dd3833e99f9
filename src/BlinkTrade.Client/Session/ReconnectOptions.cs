namespace BlinkTrade.Client;

/// <summary>
/// The reconnect policy: exponential backoff with jitter (Polly), unlimited attempts by default. After a reconnect
/// the client logs in again, resubscribes every live subscription and reconciles orders (see the README).
/// </summary>
public sealed class ReconnectOptions
{
    /// <summary>Whether a lost connection is replaced; default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The first backoff delay; default 1 second.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest backoff delay; default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many attempts before giving up (state <see cref="ConnectionState.Disconnected"/>);
    /// <see langword="null"/> (default) retries forever.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>Whether delays are jittered (decorrelated), so a fleet of clients does not reconnect in lockstep; default <see langword="true"/>.</summary>
    public bool UseJitter { get; set; } = true;
}
