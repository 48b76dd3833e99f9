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
    private readonly object _gate = new();
    private readonly Dictionary<string, List<PendingRequest>> _pending = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _sequence;
    private int _count;
    private Exception? _closedReason;

    public PendingRequestRegistry(TimeProvider time) => _time = time;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Registers a request before it is sent (a fast response must find it).</summary>
    /// <param name="id">The correlation value.</param>
    /// <param name="requestMsgType">The request's MsgType.</param>
    /// <param name="responseTypes">The MsgTypes that answer it.</param>
    /// <param name="accept">An extra filter on answers.</param>
    /// <param name="timeout">How long this registration may wait.</param>
    /// <param name="reportedTimeout">The request's whole timeout, named in the timeout exception (larger than
    /// <paramref name="timeout"/> when part of it was spent before the registration).</param>
    /// <param name="onTimeout">Called when the timeout fires (logging).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public PendingRequest Register(string id, string requestMsgType, string[] responseTypes, Func<BlinkTradeMessage, bool>? accept, TimeSpan timeout, TimeSpan reportedTimeout, Action<PendingRequest>? onTimeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingRequest(id, requestMsgType, responseTypes, accept, Interlocked.Increment(ref _sequence));
        lock (_gate)
        {
            if (!_pending.TryGetValue(id, out var waiting))
            {
                _pending[id] = waiting = [];
            }
            waiting.Add(pending);
            _count++;
        }
        ITimer? timer = null;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            timer = _time.CreateTimer(static state =>
            {
                var (registry, request, reported, onTimeout) = ((PendingRequestRegistry, PendingRequest, TimeSpan, Action<PendingRequest>?))state!;
                if (registry.Remove(request))
                {
                    onTimeout?.Invoke(request);
                    request.TryFail(new BlinkTradeTimeoutException(request.RequestMsgType, request.Id, reported));
                }
            }, (this, pending, reportedTimeout, onTimeout), timeout, Timeout.InfiniteTimeSpan);
        }
        var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static (state, token) =>
            {
                var (registry, request) = ((PendingRequestRegistry, PendingRequest))state!;
                if (registry.Remove(request))
                {
                    request.TryCancel(token);
                }
            }, (this, pending))
            : default;
        pending.Arm(timer, registration);
        // The connection may have ended before the add: fail at once rather than hang.
        if (Volatile.Read(ref _closedReason) is { } closed && Remove(pending))
        {
            pending.TryFail(closed);
        }
        return pending;
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

    /// <summary>Fails the most recent request waiting on <paramref name="id"/> (an ERROR naming it) with the exception
    /// <paramref name="error"/> makes for it.</summary>
    public bool TryFail(string id, Func<PendingRequest, Exception> error)
    {
        PendingRequest? latest = null;
        lock (_gate)
        {
            if (_pending.TryGetValue(id, out var waiting) && waiting.Count > 0)
            {
                latest = waiting[^1];
                RemoveLocked(latest, waiting);
            }
        }
        return latest is not null && latest.TryFail(error(latest));
    }

    /// <summary>Fails the most recently registered pending request (an ERROR without ReqID, PROTOCOL.md G2).</summary>
    public bool TryFailMostRecent(Exception error)
    {
        PendingRequest? latest = null;
        lock (_gate)
        {
            foreach (var waiting in _pending.Values)
            {
                if (waiting.Count > 0 && (latest is null || waiting[^1].Sequence > latest.Sequence))
                {
                    latest = waiting[^1];
                }
            }
            if (latest is not null)
            {
                RemoveLocked(latest, _pending[latest.Id]);
            }
        }
        return latest is not null && latest.TryFail(error);
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
