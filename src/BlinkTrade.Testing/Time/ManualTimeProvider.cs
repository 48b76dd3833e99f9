namespace BlinkTrade.Testing.Time;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock only moves when a test says so. Timers created from it fire
/// synchronously inside <see cref="Advance"/> / <see cref="SetUtcNow"/>, in due-time order, so heartbeats,
/// request timeouts, rate-limit windows and signing windows are deterministic in tests.
/// </summary>
/// <remarks>
/// The registry this repository restores from has no <c>Microsoft.Extensions.TimeProvider.Testing</c>
/// (FakeTimeProvider), so the reference exchange ships this one; it is public so consumers' tests can use it too.
/// </remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;
    private readonly TimeZoneInfo _localTimeZone;

    /// <summary>Creates a clock starting at <paramref name="start"/> (default 2024-01-01T00:00:00Z).</summary>
    /// <param name="start">The initial UTC time.</param>
    /// <param name="localTimeZone">The zone reported as local; UTC when omitted.</param>
    public ManualTimeProvider(DateTimeOffset? start = null, TimeZoneInfo? localTimeZone = null)
    {
        _now = (start ?? new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToUniversalTime();
        _localTimeZone = localTimeZone ?? TimeZoneInfo.Utc;
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _localTimeZone;

    /// <summary>Timestamps advance with the manual clock (ticks of <see cref="TimestampFrequency"/>).</summary>
    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _now.UtcTicks;
        }
    }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due, in order.</summary>
    /// <param name="delta">A non-negative amount of time.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delta"/> is negative.</exception>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }
        RunUntil(target);
    }

    /// <summary>Sets the clock to <paramref name="value"/> (not earlier than now), firing due timers in order.</summary>
    /// <param name="value">The new UTC time.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is earlier than the current time.</exception>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate)
        {
            if (value < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "A manual clock never moves backwards.");
            }
        }
        RunUntil(value);
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void RunUntil(DateTimeOffset target)
    {
        while (true)
        {
            ManualTimer? next = null;
            lock (_gate)
            {
                foreach (var timer in _timers)
                {
                    if (timer.DueAt is { } due && due <= target && (next is null || due < next.DueAt))
                    {
                        next = timer;
                    }
                }
                if (next is null)
                {
                    _now = target;
                    return;
                }
                _now = next.DueAt!.Value;
                next.Reschedule();
            }
            // Callbacks run outside the lock so they may read the clock or change timers.
            next.Fire();
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    DueAt = null;
                    return true;
                }
                ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
                DueAt = owner._now + dueTime;
                _period = period;
                owner._timers.Add(this);
                return true;
            }
        }

        // Called under the owner's lock when the timer fires.
        public void Reschedule()
        {
            if (_period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero)
            {
                DueAt = null;
                owner._timers.Remove(this);
            }
            else
            {
                DueAt = DueAt!.Value + _period;
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                DueAt = null;
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
