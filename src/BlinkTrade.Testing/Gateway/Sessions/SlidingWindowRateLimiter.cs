namespace BlinkTrade.Testing.Gateway.Sessions;

/// <summary>
/// The bitex gateway's per-connection limit: it remembers the arrival times of the last second and refuses a message
/// when more than <c>max</c> arrived within it (PROTOCOL.md §1.1). Not thread-safe: one reader loop owns it.
/// </summary>
internal sealed class SlidingWindowRateLimiter
{
    private readonly Queue<long> _arrivals = new();
    private readonly TimeProvider _time;
    private readonly int _max;

    public SlidingWindowRateLimiter(TimeProvider time, int maxPerSecond)
    {
        _time = time;
        _max = maxPerSecond;
    }

    /// <summary>The number of messages counted in the current window (for the ERROR's Detail).</summary>
    public int Count => _arrivals.Count;

    /// <summary>Records one arrival; false when it exceeds the limit. A limit of 0 or less disables the check.</summary>
    public bool TryAcquire()
    {
        if (_max <= 0)
        {
            return true;
        }
        var now = _time.GetTimestamp();
        var window = _time.TimestampFrequency; // one second in timestamp units
        while (_arrivals.Count > 0 && now - _arrivals.Peek() >= window)
        {
            _arrivals.Dequeue();
        }
        _arrivals.Enqueue(now);
        return _arrivals.Count <= _max;
    }
}
