using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Requests;

/// <summary>A <see cref="PendingRequest"/> whose caller expects a <typeparamref name="TResponse"/>: the response is
/// typed here, when it arrives, so no layer between the receive loop and the caller awaits the answer to cast it.</summary>
/// <typeparam name="TResponse">The response type the caller expects.</typeparam>
internal sealed class PendingRequest<TResponse>(string id, string requestMsgType, string[] responseTypes, Func<BlinkTradeMessage, bool>? accept)
    : PendingRequest(id, requestMsgType, responseTypes, accept)
    where TResponse : BlinkTradeMessage
{
    private readonly TaskCompletionSource<TResponse> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the response.</summary>
    public Task<TResponse> Response => _promise.Task;

    public override Task Task => _promise.Task;

    protected override bool TrySetResult(BlinkTradeMessage message)
        => message is TResponse response
            ? _promise.TrySetResult(response)
            : _promise.TrySetException(new ProtocolException(ProtocolErrorKind.InvalidField,
                $"Expected a {typeof(TResponse).Name} in answer to {RequestMsgType} but received {message.GetType().Name}.", ReadOnlyMemory<byte>.Empty, message.MsgType));

    protected override bool TrySetException(Exception error) => _promise.TrySetException(error);

    protected override bool TrySetCanceled(CancellationToken token) => _promise.TrySetCanceled(token);
}
