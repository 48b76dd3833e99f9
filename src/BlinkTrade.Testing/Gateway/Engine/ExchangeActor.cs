using System.Threading.Channels;
namespace BlinkTrade.Testing.Gateway.Engine;

/// <summary>
/// The single writer: every read and write of exchange state (users, engine, accounts, funding, market data) runs
/// as a work item on one loop, in arrival order, so the state needs no locks. Work items must not block; they publish
/// by queueing frames on sessions (non-blocking), so no subscriber can stall the loop.
/// </summary>
/// <typeparam name="TState">The state the work items operate on.</typeparam>
internal sealed class ExchangeActor<TState> : IAsyncDisposable
{
    private readonly Channel<IWorkItem> _queue = Channel.CreateUnbounded<IWorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TState _state;
    private readonly Task _loop;

    public ExchangeActor(TState state)
    {
        _state = state;
        _loop = Task.Run(RunAsync);
    }

    private interface IWorkItem
    {
        void Run(TState state);

        void Abandon();
    }

    /// <summary>Runs <paramref name="work"/> on the actor and returns its result (exceptions are rethrown to the caller).</summary>
    public Task<T> InvokeAsync<T>(Func<TState, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var item = new WorkItem<T>(work);
        if (!_queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(ExchangeActor<TState>));
        }
        return item.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> on the actor.</summary>
    public Task InvokeAsync(Action<TState> work, CancellationToken cancellationToken) =>
        InvokeAsync<bool>(state =>
        {
            work(state);
            return true;
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_queue.Reader.TryRead(out var item))
            {
                item.Run(_state);
            }
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

        public void Abandon() => Completion.TrySetCanceled();
    }
}
