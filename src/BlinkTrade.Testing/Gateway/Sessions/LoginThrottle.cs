namespace BlinkTrade.Testing.Gateway.Sessions;

/// <summary>
/// Failed-login throttling per username and per connection address (issue 12): once a key has <c>limit</c> failures
/// in the last <c>window</c>, further attempts are refused without checking a password until the oldest failure
/// ages out. Time is the exchange's <see cref="TimeProvider"/>, so tests drive it with a manual clock.
/// </summary>
/// <remarks>
/// The login handler checks it twice: on arrival (a locked-out guess never queues for hashing) and again on the
/// hashing thread just before PBKDF2 runs, recording a wrong password right there. Hashing is FIFO on a few threads,
/// so a burst of parallel guesses at one account gets at most <c>limit + hashing threads − 1</c> password checks,
/// while any number of correct parallel logins (many sessions of one user, many users behind one NAT) all pass.
/// Hand-written rather than System.Threading.RateLimiting: its limiters replenish on their own wall-clock timers,
/// while this must follow the exchange's clock exactly, and it counts failures, not attempts. Memory is bounded: at
/// most <see cref="MaxTrackedKeys"/> keys per table, expired ones pruned first.
/// </remarks>
internal sealed class LoginThrottle
{
    public const int MaxTrackedKeys = 100_000;
    private const int MaxKeyLength = 256;

    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _window;
    private readonly Table _byUsername;
    private readonly Table _byAddress;
    private readonly Lock _gate = new();

    public LoginThrottle(TimeProvider timeProvider, int usernameLimit, int addressLimit, TimeSpan window)
    {
        _timeProvider = timeProvider;
        _window = window;
        _byUsername = new Table(this, usernameLimit, StringComparer.OrdinalIgnoreCase);
        _byAddress = new Table(this, addressLimit, StringComparer.Ordinal);
    }

    private bool Enabled => _window > TimeSpan.Zero;

    /// <summary>Whether the username or the address is locked out, and for how long.</summary>
    public bool IsLocked(string username, string address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!Enabled)
        {
            return false;
        }
        var now = _timeProvider.GetTimestamp();
        lock (_gate)
        {
            var byUser = _byUsername.Wait(Key(username), now);
            var byAddress = _byAddress.Wait(address, now);
            retryAfter = byUser > byAddress ? byUser : byAddress;
            return retryAfter > TimeSpan.Zero;
        }
    }

    /// <summary>A wrong password or second factor: counts for the username and the address.</summary>
    public void RecordFailure(string username, string address)
    {
        if (!Enabled)
        {
            return;
        }
        var now = _timeProvider.GetTimestamp();
        lock (_gate)
        {
            _byUsername.Add(Key(username), now);
            _byAddress.Add(address, now);
        }
    }

    /// <summary>A login succeeded: the username's failures are forgotten (the address's are not: it may be guessing other accounts).</summary>
    public void RecordSuccess(string username)
    {
        if (!Enabled)
        {
            return;
        }
        lock (_gate)
        {
            _byUsername.Clear(Key(username));
        }
    }

    private static string Key(string username) => username.Length <= MaxKeyLength ? username : username[..MaxKeyLength];

    private sealed class Table(LoginThrottle owner, int limit, StringComparer comparer)
    {
        // Failure times per key, oldest first.
        private readonly Dictionary<string, Queue<long>> _failures = new(comparer);

        // How long until the key may try again (zero: now).
        public TimeSpan Wait(string key, long now)
        {
            if (limit <= 0 || !_failures.TryGetValue(key, out var failures))
            {
                return TimeSpan.Zero;
            }
            Forget(failures, now);
            if (failures.Count < limit)
            {
                if (failures.Count == 0)
                {
                    _failures.Remove(key);
                }
                return TimeSpan.Zero;
            }
            // Locked until enough failures age out to leave room for one more attempt.
            var oldestThatMustGo = failures.ElementAt(failures.Count - limit);
            return owner._window - owner._timeProvider.GetElapsedTime(oldestThatMustGo, now);
        }

        public void Add(string key, long now)
        {
            if (limit <= 0)
            {
                return;
            }
            if (!_failures.TryGetValue(key, out var failures))
            {
                if (_failures.Count >= MaxTrackedKeys)
                {
                    Prune(now);
                }
                _failures[key] = failures = new Queue<long>();
            }
            failures.Enqueue(now);
            // Only the newest `limit` failures matter; older ones cannot lock anything longer.
            while (failures.Count > limit)
            {
                failures.Dequeue();
            }
        }

        public void Clear(string key) => _failures.Remove(key);

        private void Forget(Queue<long> failures, long now)
        {
            while (failures.TryPeek(out var oldest) && owner._timeProvider.GetElapsedTime(oldest, now) >= owner._window)
            {
                failures.Dequeue();
            }
        }

        // Drops expired keys; if every key is still live, drops half of them (old state is lost, never the bound).
        private void Prune(long now)
        {
            foreach (var (key, failures) in _failures)
            {
                Forget(failures, now);
                if (failures.Count == 0)
                {
                    _failures.Remove(key);
                }
            }
            foreach (var key in _failures.Keys)
            {
                if (_failures.Count < MaxTrackedKeys / 2)
                {
                    return;
                }
                _failures.Remove(key);
            }
        }
    }
}
