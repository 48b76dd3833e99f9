namespace BlinkTrade.Client.Session;

/// <summary>Completes a promise with the first connection state matching a predicate.</summary>
internal sealed class StateWaiter(Func<ConnectionState, bool> predicate, TaskCompletionSource<ConnectionStateChange> reached) : IObserver<ConnectionStateChange>
{
    public void OnNext(ConnectionStateChange value)
    {
        if (predicate(value.State))
        {
            reached.TrySetResult(value);
        }
    }

    public void OnError(Exception error) => reached.TrySetException(error);

    public void OnCompleted() => reached.TrySetException(new ObjectDisposedException(nameof(BlinkTradeClient)));
}
