using System.Diagnostics;
using System.Threading.RateLimiting;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Client.Session;

/// <summary>
/// Holds outgoing messages back so one connection never sends more than the server's limit within its rolling
/// window (PROTOCOL.md §5 G40). Messages wait, they are never dropped; a waiting message whose caller gave up
/// (timeout, cancellation) is withdrawn rather than sent late.
/// </summary>
/// <remarks>
/// <para>Design: one <see cref="SlidingWindowRateLimiter"/> holds the budget and one queue per
/// <see cref="PacingPriority"/> holds the order. A <c>PartitionedRateLimiter</c> was not used: its partitions are
/// separate budgets, while the server counts every message of the connection against one. Only this pacer's pump
/// waits on the limiter (queue limit 1), and it picks the message to release <em>after</em> a permit became free, so
/// a cancel queued behind a hundred list pages still takes the very next permit.</para>
/// <para>Window: the server refuses the 16th message whose arrival is less than one second after the first it still
/// counts. The limiter returns a permit taken in segment <c>k</c> when the window has slid past that segment, i.e.
/// more than <c>(segments − 1) × segment</c> after it was taken; the window is sized so that is at least one second
/// plus <see cref="PacingOptions.SafetyMargin"/>.</para>
/// <para>When nothing waits and a permit is free, a message goes at once on the caller's thread (no queue, no hop).
/// A cancel by ClOrdID whose order is still waiting here queues behind that order instead of overtaking it.</para>
/// </remarks>
internal sealed class OutboundPacer : IDisposable
{
    private static readonly TimeSpan Segment = TimeSpan.FromMilliseconds(50);

    private readonly object _gate = new();
    private readonly SlidingWindowRateLimiter _limiter;
    private readonly Queue<Waiting>[] _queues = [new(), new(), new(), new()];
    private readonly Action<OutboundFrame> _release;
    private readonly Action<string, TimeSpan> _delayed;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private int _waiting;
    private bool _pumpIdle;
    private bool _sparePermit;
    private Exception? _stopped;

    /// <param name="options">The limit and margin.</param>
    /// <param name="release">Takes a message whose turn has come (called under the pacer's lock, in release order:
    /// it must only queue the frame, never block).</param>
    /// <param name="delayed">Told how long a message waited (called outside the lock).</param>
    public OutboundPacer(PacingOptions options, Action<OutboundFrame> release, Action<string, TimeSpan> delayed)
    {
        _release = release;
        _delayed = delayed;
        var segments = (int)Math.Ceiling((TimeSpan.FromSeconds(1) + options.SafetyMargin) / Segment) + 1;
        _limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.MaxMessagesPerSecond,
            Window = Segment * segments,
            SegmentsPerWindow = segments,
            QueueLimit = 1,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
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
                if (_sparePermit)
                {
                    _sparePermit = false;
                    return true;
                }
                using var lease = _limiter.AttemptAcquire(1);
                if (lease.IsAcquired)
                {
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
            _queues[(int)priority].Enqueue(new Waiting(frame, Stopwatch.GetTimestamp(), orderKey));
            _waiting++;
            if (_pumpIdle)
            {
                _pumpIdle = false;
                _wake.Release();
            }
            return false;
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
        _limiter.Dispose();
        // _stop and _wake are not disposed: the pump may still be unwinding from its cancelled wait (no handles held).
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
                bool idle, spare;
                lock (_gate)
                {
                    DropAbandoned();
                    idle = _waiting == 0;
                    _pumpIdle = idle;
                    spare = !idle && _sparePermit;
                    _sparePermit &= !spare;
                }
                if (idle)
                {
                    await _wake.WaitAsync(stop).ConfigureAwait(false);
                    continue;
                }
                if (!spare)
                {
                    using var lease = await _limiter.AcquireAsync(1, stop).ConfigureAwait(false);
                    if (!lease.IsAcquired)
                    {
                        continue; // never here: only this pump queues on the limiter
                    }
                }
                Waiting? released;
                lock (_gate)
                {
                    released = DequeueNext();
                    if (released is { } next)
                    {
                        _release(next.Frame);
                    }
                    else
                    {
                        _sparePermit = true; // every waiting message was withdrawn meanwhile: keep the permit
                    }
                }
                if (released is { } done)
                {
                    _delayed(done.Frame.MsgType, Stopwatch.GetElapsedTime(done.Since));
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException)
        {
            // The limiter was disposed with the session.
        }
    }

    // Highest priority first, oldest first within a priority; withdrawn messages are skipped.
    private Waiting? DequeueNext()
    {
        foreach (var queue in _queues)
        {
            while (queue.TryDequeue(out var waiting))
            {
                _waiting--;
                if (!waiting.Frame.IsAbandoned)
                {
                    return waiting;
                }
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
}
