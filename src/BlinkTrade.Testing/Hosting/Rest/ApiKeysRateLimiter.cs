namespace BlinkTrade.Testing.Hosting.Rest;

/// <summary>
/// Request weight per client IP in fixed one-minute windows (aligned to the clock's minutes). Over the limit a
/// request gets 429 with <c>Retry-After</c> up to the next window; an IP that keeps calling during that window is
/// banned (418) for <see cref="ApiKeysRestOptions.BanDuration"/>. Refused requests use no weight.
/// </summary>
public sealed class ApiKeysRateLimiter
{
    private readonly object _gate = new();
    private readonly Dictionary<string, IpWindow> _windows = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly ApiKeysRestOptions _options;

    /// <summary>Creates a limiter.</summary>
    /// <param name="options">Limit and ban duration.</param>
    /// <param name="timeProvider">The clock.</param>
    public ApiKeysRateLimiter(ApiKeysRestOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>Charges <paramref name="weight"/> to <paramref name="clientIp"/> if the limit allows it.</summary>
    /// <param name="clientIp">The caller's IP.</param>
    /// <param name="weight">The endpoint's weight.</param>
    /// <returns>The decision.</returns>
    public ApiKeysRateDecision Charge(string clientIp, int weight)
    {
        ArgumentNullException.ThrowIfNull(clientIp);
        var now = _timeProvider.GetUtcNow();
        var windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        lock (_gate)
        {
            if (!_windows.TryGetValue(clientIp, out var window))
            {
                window = new IpWindow();
                _windows.Add(clientIp, window);
            }
            if (window.Start != windowStart)
            {
                window.Start = windowStart;
                window.Used = 0;
                window.Limited = false;
            }
            if (window.BannedUntil is { } until && until > now)
            {
                return new ApiKeysRateDecision(418, window.Used, Ceiling(until - now));
            }
            if (window.Limited)
            {
                // Ignored the 429: ban.
                window.BannedUntil = now + _options.BanDuration;
                return new ApiKeysRateDecision(418, window.Used, Ceiling(_options.BanDuration));
            }
            if (window.Used + weight > _options.WeightLimitPerMinute)
            {
                window.Limited = true;
                return new ApiKeysRateDecision(429, window.Used, Ceiling(windowStart.AddMinutes(1) - now));
            }
            window.Used += weight;
            return new ApiKeysRateDecision(200, window.Used, null);
        }
    }

    /// <summary>Forgets every IP's usage and bans.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _windows.Clear();
        }
    }

    // Retry-After travels in whole seconds; rounding up never invites an early retry.
    private static TimeSpan Ceiling(TimeSpan value) => TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(value.TotalSeconds)));

    private sealed class IpWindow
    {
        public DateTimeOffset Start { get; set; }

        public int Used { get; set; }

        public bool Limited { get; set; }

        public DateTimeOffset? BannedUntil { get; set; }
    }
}
