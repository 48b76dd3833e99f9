using System.Collections.Concurrent;

namespace BlinkTrade.Testing.Users;

/// <summary>
/// Runs password hashing (PBKDF2: tens of milliseconds of CPU each at the default cost) on a few dedicated threads,
/// first come first served, so a burst of logins queues here instead of occupying the thread pool that serves
/// logged-in sessions and the exchange actor. With <c>n</c> workers at most <c>n</c> cores hash at once; the default
/// leaves a core free for live traffic.
/// </summary>
/// <remarks>
/// Dedicated threads rather than the thread pool on purpose: pool threads blocked in PBKDF2 make the pool inject more
/// threads, which then compete with every session's reader and writer; a fixed set of threads bounds the CPU taken.
/// The queue is a plain FIFO (<see cref="ConcurrentQueue{T}"/>): no caller can overtake another.
/// </remarks>
internal sealed class PasswordHasher : IDisposable
{
    private readonly BlockingCollection<WorkItem> _queue = new(new ConcurrentQueue<WorkItem>());
    private readonly Thread[] _workers;
    private int _pending;

    public PasswordHasher(int concurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _workers = new Thread[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"BlinkTrade password hashing {i + 1}" };
            _workers[i].Start();
        }
    }

    /// <summary>The default number of hashing threads: every core but one, between 1 and 4.</summary>
    public static int DefaultConcurrency => Math.Clamp(Environment.ProcessorCount - 1, 1, 4);

    public int Concurrency => _workers.Length;

    /// <summary>Work queued or running.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public Task<bool> VerifyAsync(PasswordHash hash, string? password, CancellationToken cancellationToken) =>
        RunAsync(() => hash.Verify(password), cancellationToken);

    public Task<PasswordHash> HashAsync(string password, int iterations, CancellationToken cancellationToken) =>
        RunAsync(() => PasswordHash.Create(password, iterations), cancellationToken);

    /// <summary>Queues <paramref name="work"/> behind everything queued before it; its continuation runs on the thread pool, never on a hashing thread.</summary>
    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }
        var item = new WorkItem<T>(work, cancellationToken);
        Interlocked.Increment(ref _pending);
        try
        {
            _queue.Add(item, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            Interlocked.Decrement(ref _pending);
            return Task.FromException<T>(new ObjectDisposedException(nameof(PasswordHasher)));
        }
        return item.Task;
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var worker in _workers)
        {
            worker.Join(TimeSpan.FromSeconds(5));
        }
    }

    private void Work()
    {
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            try
            {
                item.Execute();
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private abstract class WorkItem
    {
        public abstract void Execute();
    }

    private sealed class WorkItem<T>(Func<T> work, CancellationToken cancellationToken) : WorkItem
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<T> Task => _completion.Task;

        public override void Execute()
        {
            // A caller that gave up (its session closed, its request timed out) costs nothing more.
            if (cancellationToken.IsCancellationRequested)
            {
                _completion.TrySetCanceled(cancellationToken);
                return;
            }
            try
            {
                _completion.TrySetResult(work());
            }
#pragma warning disable CA1031 // Handed to the awaiting caller, which decides.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _completion.TrySetException(e);
            }
        }
    }
}
