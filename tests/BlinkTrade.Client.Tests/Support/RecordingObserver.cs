namespace BlinkTrade.Client.Tests.Support;

/// <summary>Records what an observable delivers and lets a test await a condition on it.</summary>
internal sealed class RecordingObserver<T> : IObserver<T>
{
    private readonly object _gate = new();
    private readonly List<T> _items = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Action<T>? OnNextAction { get; init; }

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }
    }

    public bool Completed { get; private set; }

    public Exception? Error { get; private set; }

    public void OnNext(T value)
    {
        lock (_gate)
        {
            _items.Add(value);
        }
        Signal();
        OnNextAction?.Invoke(value);
    }

    public void OnError(Exception error)
    {
        Error = error;
        Signal();
    }

    public void OnCompleted()
    {
        Completed = true;
        Signal();
    }

    /// <summary>Waits until the recorded items satisfy <paramref name="condition"/>; returns the first item matching it when given a per-item predicate.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> match, TimeSpan? timeout = null)
    {
        T? found = default;
        await WaitUntilAsync(items =>
        {
            foreach (var item in items)
            {
                if (match(item))
                {
                    found = item;
                    return true;
                }
            }
            return false;
        }, timeout).ConfigureAwait(false);
        return found!;
    }

    public async Task WaitUntilAsync(Func<IReadOnlyList<T>, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TestDefaults.Timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_items))
                {
                    return;
                }
                changed = _changed.Task;
            }
            if (Error is not null || Completed)
            {
                lock (_gate)
                {
                    if (condition(_items))
                    {
                        return;
                    }
                }
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Condition not met; recorded {Items.Count} items: {string.Join(" | ", Items)}");
            }
            await Task.WhenAny(changed, Task.Delay(left)).ConfigureAwait(false);
        }
    }

    public Task WaitForTerminalAsync(TimeSpan? timeout = null) => WaitUntilAsync(_ => Completed || Error is not null, timeout);

    private void Signal()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }
}
