using System.Collections.Concurrent;
using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Requests;

/// <summary>
/// Requests waiting for responses, keyed by correlation value. Every pending request ends exactly once: with its
/// response, an <c>ERROR</c>, its timeout (<see cref="BlinkTradeTimeoutException"/>), its cancellation token, or
/// the connection's end (<see cref="FailAll"/>) — so nothing ever hangs.
/// </summary>
internal sealed class PendingRequestRegistry
{
    private readonly ConcurrentDictionary<string, PendingRequest> _pending = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _sequence;
    private Exception? _closedReason;

    public PendingRequestRegistry(TimeProvider time) => _time = time;

    public int Count => _pending.Count;

    /// <summary>Registers a request before it is sent (a fast response must find it).</summary>
    /// <exception cref="InvalidOperationException">Another request with the same id is pending.</exception>
    /// <exception cref="Transport.ConnectionClosedException">The connection has ended.</exception>
    public PendingRequest Register(string id, string requestMsgType, string[] responseTypes, Func<BlinkTradeMessage, bool>? accept, TimeSpan timeout, Action<PendingRequest>? onTimeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingRequest(id, requestMsgType, responseTypes, accept, Interlocked.Increment(ref _sequence));
        if (!_pending.TryAdd(id, pending))
        {
            throw new InvalidOperationException($"A {requestMsgType} request with id '{id}' is already pending.");
        }
        ITimer? timer = null;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            timer = _time.CreateTimer(static state =>
            {
                var (registry, request, timeout, onTimeout) = ((PendingRequestRegistry, PendingRequest, TimeSpan, Action<PendingRequest>?))state!;
                if (registry.Remove(request))
                {
                    onTimeout?.Invoke(request);
                    request.TryFail(new BlinkTradeTimeoutException(request.RequestMsgType, request.Id, timeout));
                }
            }, (this, pending, timeout, onTimeout), timeout, Timeout.InfiniteTimeSpan);
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
        // The connection may have ended between the check above and the add: fail at once rather than hang.
        if (Volatile.Read(ref _closedReason) is { } closed && Remove(pending))
        {
            pending.TryFail(closed);
        }
        return pending;
    }

    /// <summary>Completes the request with id <paramref name="id"/> if <paramref name="message"/> answers it.</summary>
    public bool TryComplete(string id, BlinkTradeMessage message)
    {
        if (_pending.TryGetValue(id, out var pending) && pending.Accepts(message) && Remove(pending))
        {
            return pending.TryComplete(message);
        }
        return false;
    }

    /// <summary>Fails the request with id <paramref name="id"/>.</summary>
    public bool TryFail(string id, Exception error)
        => _pending.TryGetValue(id, out var pending) && Remove(pending) && pending.TryFail(error);

    /// <summary>Fails the most recently registered pending request (an ERROR without ReqID, PROTOCOL.md G2).</summary>
    public bool TryFailMostRecent(Exception error)
    {
        PendingRequest? latest = null;
        foreach (var pending in _pending.Values)
        {
            if (latest is null || pending.Sequence > latest.Sequence)
            {
                latest = pending;
            }
        }
        return latest is not null && Remove(latest) && latest.TryFail(error);
    }

    /// <summary>Fails every pending request, and every later registration, with <paramref name="error"/>.</summary>
    public void FailAll(Exception error)
    {
        Interlocked.CompareExchange(ref _closedReason, error, null);
        foreach (var pending in _pending.Values)
        {
            if (Remove(pending))
            {
                pending.TryFail(error);
            }
        }
    }

    /// <summary>Removes a request (whoever removes it owns its completion).</summary>
    public bool Remove(PendingRequest pending)
        => _pending.TryRemove(new KeyValuePair<string, PendingRequest>(pending.Id, pending));
}
