using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Client.Session;

/// <summary>
/// Holds outgoing messages back so one connection never has more than the server's limit arrive within its rolling
/// window (PROTOCOL.md §5 G40). Messages wait, they are never dropped; a waiting message whose caller gave up
/// (timeout, cancellation) is withdrawn rather than sent late.
/// </summary>
/// <remarks>
/// <para>Window: the server refuses the 16th message whose arrival is less than one second after the first it still
/// counts. A message takes a permit when it goes out; the permit comes back one second plus
/// <see cref="PacingOptions.SafetyMargin"/> after the answer to it arrived — or the answer to any later request, since
/// the server reads one connection in order — and not before: the client cannot tell when the server read a message,
/// only that it had by the time an answer came. Counting from the send alone fails on a path that freezes and recovers
/// (a stalled route, a buffering proxy): everything sent meanwhile arrives at once, so a client well under the limit by
/// its own clock — 6 messages a second through a 3-second stall — trips the server's. A message nobody answers (a
/// cancel-all's frames, a heartbeat's reply, market-data sends) is covered by the answer to a request sent after it.
/// With this rule at most the limit of messages is ever unconfirmed, so a frozen path releases at most that many
/// together.</para>
/// <para>A message nobody answers never takes the last free permit while every permit held still waits for an answer
/// (none comes back by itself) and no request among them was sent after it: the pacer sends a probe there (a
/// TestRequest, built by the <c>probe</c> callback), whose answer frees them all. Otherwise a burst of subscriptions
/// would stop until the next heartbeat — or for good, the heartbeat itself waiting for a permit. With a limit of one
/// there is no permit to spare, and such messages get theirs back by send time. A server that stops answering stops
/// the connection's sends; the heartbeat then misses and the connection is replaced.</para>
/// <para>One queue per <see cref="PacingPriority"/> holds the order; the pump picks the message to release
/// <em>after</em> a permit became free, so a cancel queued behind a hundred list pages still takes the very next
/// permit. When nothing waits and a permit is free, a message goes at once on the caller's thread (no queue, no hop).
/// A cancel by ClOrdID whose order is still waiting here queues behind that order instead of overtaking it.</para>
/// </remarks>
internal sealed class OutboundPacer : IDisposable
{
    private const long Unanswered = long.MaxValue;

    private readonly object _gate = new();
    private readonly int _limit;
    private readonly long _window;
    private readonly List<Permit> _permits = [];
    private readonly Queue<Waiting>[] _queues = [new(), new(), new(), new()];
    private readonly Action<OutboundFrame> _release;
    private readonly Func<OutboundFrame>? _probe;
    private readonly Action<string, TimeSpan> _delayed;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private int _waiting;
    private int _unanswered;
    private Exception? _stopped;

    /// <param name="options">The limit and margin.</param>
    /// <param name="release">Takes a message whose turn has come (called under the pacer's lock, in release order:
    /// it must only queue the frame, never block).</param>
    /// <param name="delayed">Told how long a message waited (called outside the lock).</param>
    /// <param name="time">The client's clock (<see cref="BlinkTradeClientOptions.TimeProvider"/>); the system's when
    /// <see langword="null"/>.</param>
    /// <param name="probe">Builds a request whose answer shows the server has read everything sent before it (a
    /// TestRequest registered as pending; called under the pacer's lock). <see langword="null"/>: messages nothing
    /// answers get their permits back by send time (the rule before silent messages were held).</param>
    public OutboundPacer(PacingOptions options, Action<OutboundFrame> release, Action<string, TimeSpan> delayed, TimeProvider? time = null, Func<OutboundFrame>? probe = null)
    {
        _release = release;
        _probe = options.MaxMessagesPerSecond >= 2 ? probe : null; // with one permit there is none to spare for a probe
        _delayed = delayed;
        _limit = options.MaxMessagesPerSecond;
        _time = time ?? TimeProvider.System;
        _window = (long)Math.Ceiling((TimeSpan.FromSeconds(1) + options.SafetyMargin).TotalSeconds * _time.TimestampFrequency);
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Messages waiting for a permit.</summary>
    public int WaitingCount => Volatile.Read(ref _waiting);

    /// <summary>
    /// Admits a message: <see langword="true"/> when it may go now (the caller sends it); <see langword="false"/> when
    /// it was queued (it is handed to the release callback when its turn comes).
    /// </summary>
    /// <exception cref="ConnectionClosedException">The pacer was stopped (the connection ended).</exception>
    public bool TryAdmit(in OutboundFrame frame, PacingPriority priority, string? orderKey)
    {
        lock (_gate)
        {
            if (_stopped is { } reason)
            {
                throw reason as ConnectionClosedException ?? new ConnectionClosedException(reason.Message, reason);
            }
            if (_waiting == 0)
            {
                var now = _time.GetTimestamp();
                if (CanTake(frame, now))
                {
                    Take(frame, now);
                    return true;
                }
            }
            // An order and its cancel must reach the exchange in that order: a cancel of an order still waiting
            // here queues behind it rather than overtaking it (and failing as "unknown order"); a cancel-all queues
            // behind every waiting order.
            if (priority == PacingPriority.Cancel && orderKey is not null && ContainsOrder(orderKey))
            {
                priority = PacingPriority.NewOrder;
            }
            _queues[(int)priority].Enqueue(new Waiting(frame, _time.GetTimestamp(), orderKey));
            _waiting++;
            Wake();
            return false;
        }
    }

    /// <summary>
    /// An answer arrived for the request with this id (<paramref name="answer"/>, or an ERROR naming it when
    /// <see langword="null"/>): the server has read that request and every message sent before it, so their permits
    /// come back one window from now.
    /// </summary>
    public void Acknowledge(string requestId, BlinkTradeMessage? answer)
    {
        lock (_gate)
        {
            if (_unanswered == 0)
            {
                return;
            }
            for (var i = _permits.Count - 1; i >= 0; i--)
            {
                if (_permits[i] is { ExpiresAt: Unanswered, Request: { } request } && request.Id == requestId && (answer is null || request.Accepts(answer)))
                {
                    var expires = _time.GetTimestamp() + _window;
                    for (var j = 0; j <= i; j++)
                    {
                        if (_permits[j].ExpiresAt == Unanswered)
                        {
                            _permits[j].ExpiresAt = expires;
                            _unanswered--;
                        }
                    }
                    if (_waiting > 0)
                    {
                        Wake(); // the pump may be waiting for an answer rather than a time: it has one now
                    }
                    return;
                }
            }
        }
    }

    /// <summary>Fails every waiting message's sender and stops releasing (the connection ended).</summary>
    public void Stop(Exception reason)
    {
        List<OutboundFrame> abandoned = [];
        lock (_gate)
        {
            if (_stopped is not null)
            {
                return;
            }
            _stopped = reason;
            foreach (var queue in _queues)
            {
                while (queue.TryDequeue(out var waiting))
                {
                    abandoned.Add(waiting.Frame);
                }
            }
            _waiting = 0;
        }
        _stop.Cancel();
        foreach (var frame in abandoned)
        {
            frame.Sent?.TrySetException(new ConnectionClosedException("The connection closed before the message was sent."));
        }
    }

    public void Dispose()
    {
        Stop(new ConnectionClosedException("The session was disposed."));
        // _stop and _wake are not disposed: the pump may still be unwinding from its cancelled wait (no handles held).
    }

    // Under the lock: how many permits are free now (expired ones are dropped only when they would make a difference).
    private int FreePermits(long now)
    {
        if (_permits.Count >= _limit - 1)
        {
            // In place, in send order (the newest permit is read by NeedsProbe), without RemoveAll's closure: this runs
            // on every message while the connection is near its limit.
            var kept = 0;
            for (var i = 0; i < _permits.Count; i++)
            {
                if (_permits[i].ExpiresAt > now)
                {
                    _permits[kept++] = _permits[i];
                }
            }
            _permits.RemoveRange(kept, _permits.Count - kept);
        }
        return _limit - _permits.Count;
    }

    // Under the lock: whether this frame may take a permit now. A request always may when one is free: its answer will
    // show the server read it and everything before it. A message nothing answers leaves the last permit free for a
    // probe — unless a permit held now comes back by itself (its answer already arrived) — or else the limit could be
    // filled with messages no answer will ever cover, and the connection's sends would stop.
    private bool CanTake(in OutboundFrame frame, long now)
    {
        var free = FreePermits(now);
        return free >= 2 || (free == 1 && (frame.Request is not null || _probe is null || _permits.Count > _unanswered));
    }

    // Under the lock: the next waiting message cannot take the last free permit, every permit held waits for an answer
    // and the newest of them is a message nothing answers, so no answer on its way covers it — send the probe instead.
    private bool NeedsProbe(long now)
        => _probe is not null && FreePermits(now) == 1 && _permits.Count == _unanswered && _permits[^1].Request is null;

    // Under the lock: the frame goes now and holds a permit until its window has passed.
    private void Take(in OutboundFrame frame, long now)
    {
        if (frame.Request is { } request)
        {
            _permits.Add(new Permit(request, Unanswered));
            _unanswered++;
        }
        else if (_probe is not null)
        {
            // Nothing answers it: it is known read once a request sent after it is answered (a later request of the
            // application's, or the probe).
            _permits.Add(new Permit(null, Unanswered));
            _unanswered++;
        }
        else
        {
            _permits.Add(new Permit(null, now + _window));
        }
    }

    // Under the lock: when the next permit comes back (a timestamp of the client's clock), or null when only an answer
    // can free one.
    private long? NextExpiry()
    {
        var next = Unanswered;
        foreach (var permit in _permits)
        {
            next = Math.Min(next, permit.ExpiresAt);
        }
        return next == Unanswered ? null : next;
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    // Until woken (a new message, an answer) or, when a permit is due back, until then on the client's clock.
    private async Task WaitAsync(long? dueAt, CancellationToken stop)
    {
        if (dueAt is not { } due)
        {
            await _wake.WaitAsync(stop).ConfigureAwait(false);
            return;
        }
        var delay = TimeSpan.FromSeconds(Math.Max(1, due - _time.GetTimestamp()) / (double)_time.TimestampFrequency);
        using var timer = new CancellationTokenSource(delay, _time);
        if (_time.GetTimestamp() >= due)
        {
            return; // the clock passed it while the timer was set up (a manual clock moved by a test)
        }
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, timer.Token);
        try
        {
            await _wake.WaitAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            // The permit is due back: the pump looks again.
        }
    }

    private bool ContainsOrder(string clOrdId)
    {
        if (ReferenceEquals(clOrdId, PacingPolicy.AllOrders))
        {
            return _queues[(int)PacingPriority.NewOrder].Count > 0;
        }
        foreach (var waiting in _queues[(int)PacingPriority.NewOrder])
        {
            if (string.Equals(waiting.OrderKey, clOrdId, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private async Task PumpAsync()
    {
        var stop = _stop.Token;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                Waiting? released = null;
                long? due = null;
                lock (_gate)
                {
                    DropAbandoned();
                    if (_waiting > 0)
                    {
                        var now = _time.GetTimestamp();
                        if (PeekNext() is not { } next)
                        {
                            continue; // every waiting message was withdrawn meanwhile
                        }
                        if (CanTake(next.Frame, now))
                        {
                            released = DequeueNext();
                            Take(next.Frame, now);
                            _release(next.Frame);
                        }
                        else if (NeedsProbe(now))
                        {
                            var probe = _probe!();
                            Take(probe, now);
                            _release(probe);
                            continue; // the next message now waits for the probe's answer
                        }
                        else
                        {
                            due = NextExpiry();
                        }
                    }
                }
                if (released is { } done)
                {
                    _delayed(done.Frame.MsgType, _time.GetElapsedTime(done.Since));
                    continue;
                }
                // Woken by a new waiting message or an answer; else at the next permit's return (if one is due).
                await WaitAsync(due, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    // The message whose turn is next: highest priority first, oldest first within a priority; withdrawn messages at
    // the heads are dropped on the way.
    private Waiting? PeekNext()
    {
        foreach (var queue in _queues)
        {
            while (queue.TryPeek(out var waiting))
            {
                if (!waiting.Frame.IsAbandoned)
                {
                    return waiting;
                }
                queue.Dequeue();
                _waiting--;
            }
        }
        return null;
    }

    // Takes the message PeekNext just returned (under the same hold of the lock).
    private Waiting? DequeueNext()
    {
        foreach (var queue in _queues)
        {
            if (queue.TryDequeue(out var waiting))
            {
                _waiting--;
                return waiting;
            }
        }
        return null;
    }

    private void DropAbandoned()
    {
        foreach (var queue in _queues)
        {
            var count = queue.Count;
            for (var i = 0; i < count; i++)
            {
                var waiting = queue.Dequeue();
                if (waiting.Frame.IsAbandoned)
                {
                    _waiting--;
                }
                else
                {
                    queue.Enqueue(waiting);
                }
            }
        }
    }

    private readonly record struct Waiting(OutboundFrame Frame, long Since, string? OrderKey);

    // A message that went out: its request when an answer is expected, and when its permit comes back (Unanswered:
    // not before an answer).
    private sealed class Permit(Requests.PendingRequest? request, long expiresAt)
    {
        public Requests.PendingRequest? Request { get; } = request;

        public long ExpiresAt { get; set; } = expiresAt;
    }
}
