namespace BlinkTrade.NetworkSoak.MarketData;

/// <summary>Stops the book from changing now and then, so alice's replica can be compared with the exchange's book at a
/// moment when both must be equal. The traders enter it around every step that may change the book (orders, cancels,
/// bursts); <see cref="PauseAsync"/> waits until no step is running and keeps new ones out until <see cref="Resume"/>.
/// A request that timed out at the client may still be frozen in the proxy and reach the exchange during the pause:
/// the sampler reads the exchange's book before and after and counts a sample whose book moved as inconclusive.</summary>
internal sealed class MarketPause
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _paused;
    private TaskCompletionSource? _drained;
    private int _running;

    /// <summary>Waits while paused, then marks one step running until the result is disposed.</summary>
    public async Task<IDisposable> EnterAsync()
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_paused is null)
                {
                    _running++;
                    return new Step(this);
                }
                wait = _paused.Task;
            }
            await wait;
        }
    }

    /// <summary>Keeps new steps out and waits (at most <paramref name="limit"/>) until the running ones ended.</summary>
    /// <returns>Whether no step is running now.</returns>
    public async Task<bool> PauseAsync(TimeSpan limit)
    {
        Task drained;
        lock (_gate)
        {
            _paused ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_running == 0)
            {
                return true;
            }
            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drained = _drained.Task;
        }
        return await Task.WhenAny(drained, Task.Delay(limit)) == drained;
    }

    public void Resume()
    {
        TaskCompletionSource? paused;
        lock (_gate)
        {
            paused = _paused;
            _paused = null;
            _drained = null;
        }
        paused?.TrySetResult();
    }

    private void Leave()
    {
        TaskCompletionSource? drained = null;
        lock (_gate)
        {
            if (--_running == 0)
            {
                drained = _drained;
            }
        }
        drained?.TrySetResult();
    }

    private sealed class Step(MarketPause owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Leave();
            }
        }
    }
}
