using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Requests;

/// <summary>One request waiting for its response: a promise, a timeout timer and a cancellation registration.</summary>
internal sealed class PendingRequest
{
    private readonly TaskCompletionSource<BlinkTradeMessage> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<BlinkTradeMessage, bool>? _accept;
    private readonly string[] _responseTypes;
    private ITimer? _timer;
    private CancellationTokenRegistration _cancellation;

    public PendingRequest(string id, string requestMsgType, string[] responseTypes, Func<BlinkTradeMessage, bool>? accept, long sequence)
    {
        Id = id;
        RequestMsgType = requestMsgType;
        _responseTypes = responseTypes;
        _accept = accept;
        Sequence = sequence;
    }

    /// <summary>The correlation value.</summary>
    public string Id { get; }

    /// <summary>The request's MsgType.</summary>
    public string RequestMsgType { get; }

    /// <summary>Registration order, to find the most recent request.</summary>
    public long Sequence { get; }

    /// <summary>Completes with the response.</summary>
    public Task<BlinkTradeMessage> Task => _promise.Task;

    /// <summary>Whether <paramref name="message"/> answers this request.</summary>
    public bool Accepts(BlinkTradeMessage message)
        => Array.IndexOf(_responseTypes, message.MsgType) >= 0 && (_accept is null || _accept(message));

    public void Arm(ITimer? timer, CancellationTokenRegistration cancellation)
    {
        _timer = timer;
        _cancellation = cancellation;
    }

    public bool TryComplete(BlinkTradeMessage message)
    {
        Disarm();
        return _promise.TrySetResult(message);
    }

    public bool TryFail(Exception error)
    {
        Disarm();
        return _promise.TrySetException(error);
    }

    public bool TryCancel(CancellationToken token)
    {
        Disarm();
        return _promise.TrySetCanceled(token);
    }

    private void Disarm()
    {
        _timer?.Dispose();
        _cancellation.Dispose();
    }
}
