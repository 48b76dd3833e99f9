namespace BlinkTrade.EndToEnd.Tests.Support;

/// <summary>Records what an observable delivers (thread-safe).</summary>
internal sealed class Recorder<T> : IObserver<T>
{
    private readonly Lock _gate = new();
    private readonly List<T> _items = [];

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

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public T? Last
    {
        get
        {
            lock (_gate)
            {
                return _items.Count == 0 ? default : _items[^1];
            }
        }
    }

    public Exception? Error { get; private set; }

    public void OnNext(T value)
    {
        lock (_gate)
        {
            _items.Add(value);
        }
    }

    public void OnError(Exception error) => Error = error;

    public void OnCompleted()
    {
    }

    public bool Any(Func<T, bool> predicate)
    {
        lock (_gate)
        {
            return _items.Any(predicate);
        }
    }

    public async Task<T> WaitForAsync(Func<T, bool> predicate, TimeSpan? timeout = null, string? what = null)
    {
        T found = default!;
        await Wait.Eventually(() =>
        {
            lock (_gate)
            {
                foreach (var item in _items)
                {
                    if (predicate(item))
                    {
                        found = item;
                        return true;
                    }
                }
                return false;
            }
        }, timeout, what ?? $"an item of {typeof(T).Name}").ConfigureAwait(false);
        return found;
    }
}
