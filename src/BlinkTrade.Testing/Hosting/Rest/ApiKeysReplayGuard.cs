namespace BlinkTrade.Testing.Hosting.Rest;

/// <summary>
/// Remembers the signatures of accepted POSTs until their time window closes, so the same signed request cannot run
/// twice (APIKEYS-REST.md, "replay": 400 -1099). A signature is only accepted inside its window, so once the window
/// has closed the time check refuses a replay and the entry can be forgotten: memory holds at most the requests of
/// one window (≤ 61 s), and never more than <see cref="Capacity"/> entries.
/// </summary>
/// <remarks>Hand-written rather than a cache library: expiry must follow the exchange's <see cref="TimeProvider"/> exactly (a manual clock in tests).</remarks>
internal sealed class ApiKeysReplayGuard
{
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, long> _expiries = new();
    private readonly Lock _gate = new();

    public ApiKeysReplayGuard(TimeProvider timeProvider, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _timeProvider = timeProvider;
        Capacity = capacity;
    }

    /// <summary>The most signatures remembered at once; when full of live entries, new POSTs are refused (never let through unremembered).</summary>
    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>Records an accepted request's signature; <see cref="ApiKeysReplayVerdict.Replayed"/> when it was already accepted in its window.</summary>
    /// <param name="scope">The endpoint and the caller's key: signatures are per secret, and the signed payload does not
    /// cover the path, so the same parameters sent to two endpoints in one millisecond (e.g. regenerate-secret, then
    /// revoke of one key under a frozen test clock) are two requests, not a replay.</param>
    /// <param name="signature">The request's signature.</param>
    /// <param name="windowClosesAtMs">When the request's window closes (unix ms): its timestamp plus its recvWindow.</param>
    /// <param name="retryAfter">With <see cref="ApiKeysReplayVerdict.Full"/>: when the oldest entry expires.</param>
    public ApiKeysReplayVerdict TryAccept(string scope, string signature, long windowClosesAtMs, out TimeSpan retryAfter)
    {
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var id = string.Concat(scope, " ", signature.ToLowerInvariant());
        retryAfter = TimeSpan.Zero;
        lock (_gate)
        {
            ForgetExpired(now);
            if (_seen.ContainsKey(id))
            {
                return ApiKeysReplayVerdict.Replayed;
            }
            if (_seen.Count >= Capacity)
            {
                _expiries.TryPeek(out _, out var oldest);
                retryAfter = TimeSpan.FromMilliseconds(Math.Max(1, oldest - now));
                return ApiKeysReplayVerdict.Full;
            }
            _seen[id] = windowClosesAtMs;
            _expiries.Enqueue(id, windowClosesAtMs);
            return ApiKeysReplayVerdict.Accepted;
        }
    }

    // A request is refused by the time check once now - timestamp > recvWindow, so its signature is dead after that.
    private void ForgetExpired(long now)
    {
        while (_expiries.TryPeek(out var id, out var closesAt) && closesAt < now)
        {
            _expiries.Dequeue();
            _seen.Remove(id);
        }
    }
}
