using System.Diagnostics;
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
/// </remarks>
/// <typeparam name="TState">The state the work items operate on.</typeparam>
internal sealed class ExchangeActor<TState> : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Queue<IWorkItem> _queue = new();
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

    private interface IWorkItem
    {
        void Run(TState state);
    }

    /// <summary>Runs <paramref name="work"/> on the actor and returns its result (exceptions are rethrown to the caller).</summary>
    public Task<T> InvokeAsync<T>(Func<TState, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_running || _queue.Count > 0)
            {
                var item = new WorkItem<T>(work);
                _queue.Enqueue(item);
                if (!_running)
                {
                    _running = true;
                    ScheduleDrain();
                }
                return item.Completion.Task.WaitAsync(cancellationToken);
            }
            _running = true;
        }

        Task<T> result;
        var started = StartTiming();
        try
        {
            result = Task.FromResult(work(_state));
        }
#pragma warning disable CA1031 // The actor must survive any failing work item; the caller sees the exception.
        catch (Exception e)
#pragma warning restore CA1031
        {
            result = Task.FromException<T>(e);
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
        while (true)
        {
            IWorkItem item;
            lock (_gate)
            {
                if (!_queue.TryDequeue(out item!))
                {
                    _running = false;
                    if (_disposed)
                    {
                        _idleAfterDispose.TrySetResult();
                    }
                    return;
                }
            }
            var started = StartTiming();
            item.Run(_state);
            StopTiming(started);
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

    private sealed class WorkItem<T>(Func<TState, T> work) : IWorkItem
    {
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Run(TState state)
        {
            try
            {
                Completion.TrySetResult(work(state));
            }
#pragma warning disable CA1031 // The actor must survive any failing work item; the caller sees the exception.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Completion.TrySetException(e);
            }
        }
    }
}
