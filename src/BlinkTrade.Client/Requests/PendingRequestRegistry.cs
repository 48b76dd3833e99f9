using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Requests;

/// <summary>
/// Requests waiting for responses, keyed by correlation value. Every pending request ends exactly once: with its
/// response, an <c>ERROR</c>, its timeout (<see cref="BlinkTradeTimeoutException"/>), its cancellation token, or
/// the connection's end (<see cref="FailAll"/>) — so nothing ever hangs.
/// </summary>
internal sealed class PendingRequestRegistry
{
    // Several requests may share a correlation value (an order's D and its F both await ERs with its ClOrdID), so
    // each value maps to the requests waiting on it, oldest first. One lock: registrations and responses are rare
    // compared with frames, and the critical sections are a few list operations.
    private static readonly TimeSpan MaxDue = TimeSpan.FromDays(1);
    private readonly object _gate = new();
    private readonly Dictionary<string, List<PendingRequest>> _pending = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly long _epoch;
    private readonly Action<PendingRequest>? _onTimeout;
    // One timer for every deadline, armed for the earliest (a timer per request cost a timer-queue entry, a state
    // box and a disposal per request). Invariant under _gate: while a request with a deadline waits, the timer is
    // due no later than that deadline (_armedFor).
    private readonly ITimer _sweep;
    private TimeSpan _armedFor = TimeSpan.MaxValue;
    private bool _sweepDisposed;
    private int _count;
    private Exception? _closedReason;

    /// <summary>Creates the registry.</summary>
    /// <param name="time">The clock deadlines are kept on.</param>
    /// <param name="onTimeout">Called when a request times out, before it fails (logging).</param>
    public PendingRequestRegistry(TimeProvider time, Action<PendingRequest>? onTimeout = null)
    {
        _time = time;
        _onTimeout = onTimeout;
        _epoch = time.GetTimestamp();
        // The timer lives as long as the connection: it must not keep the execution context (async locals, the
        // current activity) of whoever created it.
        var restoreFlow = !ExecutionContext.IsFlowSuppressed();
        if (restoreFlow)
        {
            ExecutionContext.SuppressFlow();
        }
        try
        {
            _sweep = time.CreateTimer(static state => ((PendingRequestRegistry)state!).Sweep(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        finally
        {
            if (restoreFlow)
            {
                ExecutionContext.RestoreFlow();
            }
        }
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>Registers a request before it is sent (a fast response must find it).</summary>
    /// <typeparam name="TResponse">The response type the caller expects (another answering MsgType fails it with a
    /// <see cref="ProtocolException"/>).</typeparam>
    /// <param name="id">The correlation value.</param>
    /// <param name="requestMsgType">The request's MsgType.</param>
    /// <param name="responseTypes">The MsgTypes that answer it.</param>
    /// <param name="accept">An extra filter on answers.</param>
    /// <param name="timeout">How long this registration may wait.</param>
    /// <param name="reportedTimeout">The request's whole timeout, named in the timeout exception (larger than
    /// <paramref name="timeout"/> when part of it was spent before the registration).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public PendingRequest<TResponse> Register<TResponse>(string id, string requestMsgType, string[] responseTypes, Func<BlinkTradeMessage, bool>? accept, TimeSpan timeout, TimeSpan reportedTimeout, CancellationToken cancellationToken)
        where TResponse : BlinkTradeMessage
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingRequest<TResponse>(id, requestMsgType, responseTypes, accept) { ReportedTimeout = reportedTimeout };
        lock (_gate)
        {
            if (!_pending.TryGetValue(id, out var waiting))
            {
                _pending[id] = waiting = [];
            }
            waiting.Add(pending);
            _count++;
            if (timeout != Timeout.InfiniteTimeSpan)
            {
                var now = Now();
                // Saturating: a timeout of centuries (any positive TimeSpan is allowed) must not overflow the sum.
                pending.Deadline = timeout >= TimeSpan.MaxValue - now ? TimeSpan.MaxValue : now + timeout;
                // Usually a later deadline than one already armed for (requests share one timeout): nothing to do.
                if (pending.Deadline < _armedFor && !_sweepDisposed)
                {
                    _armedFor = pending.Deadline;
                    _sweep.Change(Due(timeout), Timeout.InfiniteTimeSpan);
                }
            }
        }
        if (cancellationToken.CanBeCanceled)
        {
            pending.Arm(cancellationToken.UnsafeRegister(static (state, token) =>
            {
                var (registry, request) = ((PendingRequestRegistry, PendingRequest))state!;
                if (registry.Remove(request))
                {
                    request.TryCancel(token);
                }
            }, (this, (PendingRequest)pending)));
        }
        // The connection may have ended before the add: fail at once rather than hang.
        if (Volatile.Read(ref _closedReason) is { } closed && Remove(pending))
        {
            pending.TryFail(closed);
        }
        return pending;
    }

    private TimeSpan Now() => _time.GetElapsedTime(_epoch);

    // A timer's due time: at least a tick (zero would fire at once, inside the lock), at most a day (beyond what a
    // timer accepts the sweep simply looks again and re-arms).
    private static TimeSpan Due(TimeSpan left)
        => left <= TimeSpan.Zero ? TimeSpan.FromTicks(1) : left > MaxDue ? MaxDue : left;

    // The timer: fails every request past its deadline, then arms for the earliest deadline left.
    private void Sweep()
    {
        List<PendingRequest>? expired = null;
        lock (_gate)
        {
            if (_sweepDisposed)
            {
                return;
            }
            var now = Now();
            var next = TimeSpan.MaxValue;
            foreach (var waiting in _pending.Values)
            {
                foreach (var pending in waiting)
                {
                    if (pending.Deadline <= now)
                    {
                        (expired ??= []).Add(pending);
                    }
                    else if (pending.Deadline < next)
                    {
                        next = pending.Deadline;
                    }
                }
            }
            if (expired is not null)
            {
                foreach (var pending in expired)
                {
                    RemoveLocked(pending, _pending[pending.Id]);
                }
            }
            _armedFor = next;
            if (next != TimeSpan.MaxValue)
            {
                _sweep.Change(Due(next - now), Timeout.InfiniteTimeSpan);
            }
        }
        if (expired is null)
        {
            return;
        }
        foreach (var pending in expired)
        {
            _onTimeout?.Invoke(pending);
            pending.TryFail(new BlinkTradeTimeoutException(pending.RequestMsgType, pending.Id, pending.ReportedTimeout));
        }
    }

    /// <summary>Completes the oldest request waiting on <paramref name="id"/> that <paramref name="message"/> answers.</summary>
    public bool TryComplete(string id, BlinkTradeMessage message)
    {
        PendingRequest? match = null;
        lock (_gate)
        {
            if (_pending.TryGetValue(id, out var waiting))
            {
                foreach (var pending in waiting)
                {
                    if (pending.Accepts(message))
                    {
                        match = pending;
                        break;
                    }
                }
                if (match is not null)
                {
                    RemoveLocked(match, waiting);
                }
            }
        }
        return match is not null && match.TryComplete(message);
    }

    /// <summary>Removes and returns the most recent request waiting on <paramref name="id"/> (an ERROR naming it); the
    /// caller, now its owner, fails it.</summary>
    public PendingRequest? TryTakeLatest(string id)
    {
        lock (_gate)
        {
            if (_pending.TryGetValue(id, out var waiting) && waiting.Count > 0)
            {
                var latest = waiting[^1];
                RemoveLocked(latest, waiting);
                return latest;
            }
        }
        return null;
    }

    /// <summary>Removes and returns the most recently sent pending request (an ERROR without ReqID, PROTOCOL.md G2,
    /// answers it; a request still waiting for pacing cannot be what the server answered); the caller, now its owner,
    /// fails it.</summary>
    public PendingRequest? TryTakeMostRecentlySent()
    {
        lock (_gate)
        {
            PendingRequest? latest = null;
            foreach (var waiting in _pending.Values)
            {
                foreach (var pending in waiting)
                {
                    if (pending.SentSequence > (latest?.SentSequence ?? 0))
                    {
                        latest = pending;
                    }
                }
            }
            if (latest is not null)
            {
                RemoveLocked(latest, _pending[latest.Id]);
            }
            return latest;
        }
    }

    /// <summary>Fails every pending request, and every later registration, with <paramref name="error"/>.</summary>
    public void FailAll(Exception error)
    {
        Interlocked.CompareExchange(ref _closedReason, error, null);
        List<PendingRequest> all;
        lock (_gate)
        {
            all = [.. _pending.Values.SelectMany(w => w)];
            _pending.Clear();
            _count = 0;
            // Nothing waits and nothing more can: the timer goes with the connection.
            _sweepDisposed = true;
            _sweep.Dispose();
        }
        foreach (var pending in all)
        {
            pending.TryFail(error);
        }
    }

    /// <summary>Removes a request (whoever removes it owns its completion).</summary>
    public bool Remove(PendingRequest pending)
    {
        lock (_gate)
        {
            return _pending.TryGetValue(pending.Id, out var waiting) && RemoveLocked(pending, waiting);
        }
    }

    private bool RemoveLocked(PendingRequest pending, List<PendingRequest> waiting)
    {
        if (!waiting.Remove(pending))
        {
            return false;
        }
        if (waiting.Count == 0)
        {
            _pending.Remove(pending.Id);
        }
        _count--;
        return true;
    }
}
