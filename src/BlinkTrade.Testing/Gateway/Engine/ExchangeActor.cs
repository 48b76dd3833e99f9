using System.Diagnostics;
using System.Threading.Tasks.Sources;
using BlinkTrade.Testing.Telemetry;

namespace BlinkTrade.Testing.Gateway.Engine;

/// <summary>
/// The single writer: every read and write of exchange state (users, engine, accounts, funding, market data) runs
/// as a work item, one at a time, in arrival order, so the state needs no locks. Work items must not block; they
/// publish by queueing frames on sessions (non-blocking), so no subscriber can stall the actor.
/// </summary>
/// <remarks>
/// When the actor is idle, <see cref="InvokeAsync{T}"/> runs the work item on the caller's thread: handing it to a
/// dedicated loop would cost two thread-pool wake-ups (there and back) per request, which dominated the order round
/// trip. Under contention items queue and a thread-pool drain runs them in order; a caller never runs anyone else's
/// work, so one session's reader is never delayed by another session's requests.
/// <para>
/// A drain takes up to <see cref="MaxBatch"/> queued items under one lock and runs them in order. Before running an
/// item it announces the item <see cref="LookaheadDistance"/> places further on (a work item's optional announce step:
/// an order handler tells the engine which order is coming, <c>MatchingEngine.Prefetch</c>), so with a backlog the
/// engine's cache misses for the next commands overlap the current one, as the replay's lookahead does. Announcing
/// only issues hints: results and their order are the same with or without it.
/// </para>
/// </remarks>
/// <typeparam name="TState">The state the work items operate on.</typeparam>
internal sealed class ExchangeActor<TState> : IAsyncDisposable
{
    /// <summary>Most work items one drain takes from the queue at once: bounds the array the drain keeps, not the queue.</summary>
    internal const int MaxBatch = 64;

    /// <summary>How many items ahead of the running one a drain announces (the replay's default lookahead).</summary>
    internal const int LookaheadDistance = 4;

    private readonly object _gate = new();
    private readonly Queue<IWorkItem> _queue = new();

    // The drain's current batch; only the one drain running (under _running) touches it.
    private readonly IWorkItem[] _batch = new IWorkItem[MaxBatch];
    private readonly TState _state;
    private readonly TaskCompletionSource _idleAfterDispose = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ExchangeMetrics? _metrics;
    private bool _running;
    private bool _disposed;

    public ExchangeActor(TState state, ExchangeMetrics? metrics = null)
    {
        _state = state;
        _metrics = metrics;
    }

    /// <summary>No work item running and none queued (a snapshot; the test kit's run-until-idle reads it).</summary>
    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return !_running && _queue.Count == 0;
            }
        }
    }

    /// <summary>Work items waiting for the actor (a snapshot; tests wait for a backlog to build before releasing it).</summary>
    internal int Backlog
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    private interface IWorkItem
    {
        void Announce(TState state);

        void Run(TState state);
    }

    /// <summary>Runs <paramref name="work"/> on the actor and returns its result (exceptions are rethrown to the caller).</summary>
    public Task<T> InvokeAsync<T>(Func<TState, T> work, CancellationToken cancellationToken)
        => InvokeAsync<Func<TState, T>, T>(work, static (state, run) => run(state), announce: null, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> with <paramref name="argument"/> on the actor and returns its result (exceptions are
    /// rethrown to the caller). When the item waits in a backlog, <paramref name="announce"/> (if any) runs on the actor
    /// a few items before it: it may only give hints (prefetch), never change state; an exception from it is ignored.
    /// </summary>
    /// <remarks>Static delegates with an argument: a queued request costs its work item and the task it returns.</remarks>
    public Task<T> InvokeAsync<TArgument, T>(TArgument argument, Func<TState, TArgument, T> work, Action<TState, TArgument>? announce, CancellationToken cancellationToken)
        => InvokeValueAsync(argument, work, announce, cancellationToken).AsTask();

    /// <summary>
    /// As <see cref="InvokeAsync{TArgument, T}"/>, as a <see cref="ValueTask{T}"/> — the way of the requests every order
    /// makes (<c>D</c>, <c>F</c>): a request the caller runs at once allocates nothing for it, and a queued one only its
    /// work item, which is also what the caller awaits (no task, completion source or cancellable wait of its own).
    /// </summary>
    /// <remarks>The returned value task must be awaited once, as any value task. Cancelling only ends the wait: the
    /// item still runs in its turn, as with <see cref="InvokeAsync{TArgument, T}"/>.</remarks>
    public ValueTask<T> InvokeValueAsync<TArgument, T>(TArgument argument, Func<TState, TArgument, T> work, Action<TState, TArgument>? announce, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_running || _queue.Count > 0)
            {
                var item = new WorkItem<TArgument, T>(argument, work, announce);
                _queue.Enqueue(item);
                if (!_running)
                {
                    _running = true;
                    ScheduleDrain();
                }
                // Registered after it was queued: a token cancelled meanwhile ends the wait at once, and the item runs anyway.
                return item.Await(cancellationToken);
            }
            _running = true;
        }

        ValueTask<T> result;
        var started = StartTiming();
        try
        {
            result = new ValueTask<T>(work(_state, argument));
        }
#pragma warning disable CA1031 // The actor must survive any failing work item; the caller sees the exception.
        catch (Exception e)
#pragma warning restore CA1031
        {
            result = ValueTask.FromException<T>(e);
        }
        StopTiming(started);
        Release();
        return result;
    }

    /// <summary>Runs <paramref name="work"/> on the actor.</summary>
    public Task InvokeAsync(Action<TState> work, CancellationToken cancellationToken) =>
        InvokeAsync<bool>(state =>
        {
            work(state);
            return true;
        }, cancellationToken);

    /// <summary>Refuses new work and waits until the queued work has run.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
            if (!_running)
            {
                _idleAfterDispose.TrySetResult();
            }
        }
        await _idleAfterDispose.Task.ConfigureAwait(false);
    }

    // Called by whoever ran the last item: hands what queued up meanwhile to a drain, or goes idle.
    private void Release()
    {
        lock (_gate)
        {
            if (_queue.Count > 0)
            {
                ScheduleDrain();
                return;
            }
            _running = false;
            if (_disposed)
            {
                _idleAfterDispose.TrySetResult();
            }
        }
    }

    // Under _gate, with _running set: the drain owns the state until the queue is empty.
    private void ScheduleDrain() => ThreadPool.UnsafeQueueUserWorkItem(static actor => actor.Drain(), this, preferLocal: false);

    private void Drain()
    {
        var batch = _batch;
        while (true)
        {
            var count = 0;
            lock (_gate)
            {
                while (count < batch.Length && _queue.TryDequeue(out var queued))
                {
                    batch[count++] = queued;
                }
                if (count == 0)
                {
                    _running = false;
                    if (_disposed)
                    {
                        _idleAfterDispose.TrySetResult();
                    }
                    return;
                }
            }
            _metrics?.ActorBatch(count);
            // The first items are announced together; from then on each announcement runs LookaheadDistance items
            // ahead of the item it precedes, so the engine has that long to bring the item's data in.
            for (var i = 0; i < Math.Min(LookaheadDistance, count); i++)
            {
                batch[i].Announce(_state);
            }
            for (var i = 0; i < count; i++)
            {
                if (i + LookaheadDistance < count)
                {
                    batch[i + LookaheadDistance].Announce(_state);
                }
                var item = batch[i];
                batch[i] = null!; // the item (and the request it holds) is not kept alive until the next batch
                var started = StartTiming();
                item.Run(_state);
                StopTiming(started);
            }
        }
    }

    // Work-item durations are CPU time on the real clock (Stopwatch), not the exchange's TimeProvider: a fake clock
    // would read 0. Nothing is read when no listener enabled the histogram.
    private long StartTiming() => _metrics is { CommandDurationEnabled: true } ? Stopwatch.GetTimestamp() : 0;

    private void StopTiming(long started)
    {
        if (started != 0)
        {
            _metrics!.CommandCompleted(Stopwatch.GetElapsedTime(started));
        }
    }

    // A queued item: the work and the value task source its caller awaits, completed once — by the actor with the
    // result, or by the caller's token ending the wait first (the work still runs in its turn).
    private sealed class WorkItem<TArgument, T>(TArgument argument, Func<TState, TArgument, T> work, Action<TState, TArgument>? announce)
        : IWorkItem, IValueTaskSource<T>
    {
        // The caller's code never runs on the actor's thread.
        private ManualResetValueTaskSourceCore<T> _core = new() { RunContinuationsAsynchronously = true };
        private CancellationTokenRegistration _cancellation;
        private int _completed;

        public ValueTask<T> Await(CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled)
            {
                _cancellation = cancellationToken.UnsafeRegister(static (state, token) =>
                {
                    var item = (WorkItem<TArgument, T>)state!;
                    if (Interlocked.Exchange(ref item._completed, 1) == 0)
                    {
                        item._core.SetException(new OperationCanceledException(token));
                    }
                }, this);
            }
            return new ValueTask<T>(this, _core.Version);
        }

        public void Announce(TState state)
        {
            if (announce is null)
            {
                return;
            }
            try
            {
                announce(state, argument);
            }
#pragma warning disable CA1031 // A hint never fails anything: the item itself still runs and reports its own errors.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        public void Run(TState state)
        {
            T result;
            try
            {
                result = work(state, argument);
            }
#pragma warning disable CA1031 // The actor must survive any failing work item; the caller sees the exception.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Complete(e);
                return;
            }
            if (Interlocked.Exchange(ref _completed, 1) == 0)
            {
                _cancellation.Unregister();
                _core.SetResult(result);
            }
        }

        private void Complete(Exception error)
        {
            if (Interlocked.Exchange(ref _completed, 1) == 0)
            {
                _cancellation.Unregister();
                _core.SetException(error);
            }
        }

        public T GetResult(short token) => _core.GetResult(token);

        public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
            => _core.OnCompleted(continuation, state, token, flags);
    }
}
