using Microsoft.Extensions.Time.Testing;

namespace BlinkTrade.ApiKeys.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> wrapper that knows how many of its timers are armed, so a test advances the
/// clock only while something is actually waiting on it (a retry delay, a Retry-After, a timeout) and never while a
/// request is merely in flight — which would make signed timestamps stale at random.
/// </summary>
internal sealed class TrackingClock(FakeTimeProvider inner) : TimeProvider
{
    private readonly object _gate = new();
    private int _armed;

    public FakeTimeProvider Inner { get; } = inner;

    public int ArmedTimers
    {
        get
        {
            lock (_gate)
            {
                return _armed;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Inner.GetUtcNow();

    public override long GetTimestamp() => Inner.GetTimestamp();

    public override long TimestampFrequency => Inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this);
        timer.Attach(Inner.CreateTimer(s =>
        {
            timer.OnFired();
            callback(s);
        }, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class TrackedTimer(TrackingClock owner) : ITimer
    {
        private ITimer? _inner;
        private bool _armed;
        private bool _periodic;

        public void Attach(ITimer inner) => _inner = inner;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            SetArmed(dueTime != Timeout.InfiniteTimeSpan, period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero);
            return _inner!.Change(dueTime, period);
        }

        public void OnFired()
        {
            if (!_periodic)
            {
                SetArmed(false, false);
            }
        }

        public void Dispose()
        {
            SetArmed(false, false);
            _inner!.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void SetArmed(bool armed, bool periodic)
        {
            lock (owner._gate)
            {
                if (armed != _armed)
                {
                    owner._armed += armed ? 1 : -1;
                    _armed = armed;
                }
                _periodic = periodic;
            }
        }
    }
}
