using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Requests;

/// <summary>One request waiting for its response: the correlation it waits on, its deadline (kept by the registry's
/// one sweep timer, not a timer of its own) and a cancellation registration. The promise, typed by the response the
/// caller expects, is <see cref="PendingRequest{TResponse}"/>'s: the caller's task is the promise's own, so an
/// <c>ERROR</c> set on it is thrown once, at the caller's <c>await</c>, and by no layer in between.</summary>
internal abstract class PendingRequest
{
    private readonly Func<BlinkTradeMessage, bool>? _accept;
    private readonly string[] _responseTypes;
    private CancellationTokenRegistration _cancellation;

    protected PendingRequest(string id, string requestMsgType, string[] responseTypes, Func<BlinkTradeMessage, bool>? accept)
    {
        Id = id;
        RequestMsgType = requestMsgType;
        _responseTypes = responseTypes;
        _accept = accept;
    }

    /// <summary>The correlation value.</summary>
    public string Id { get; }

    /// <summary>The request's MsgType.</summary>
    public string RequestMsgType { get; }

    /// <summary>When the request was handed to the connection's writer, in hand-off (wire) order; 0 while it has not
    /// been (still waiting for pacing). An ERROR without ReqID answers the most recently sent request (G2).</summary>
    public long SentSequence { get; set; }

    /// <summary>When the request times out, as time since the registry's epoch (<see cref="TimeSpan.MaxValue"/>: never).</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.MaxValue;

    /// <summary>The timeout the timeout exception names (the caller's whole timeout).</summary>
    public TimeSpan ReportedTimeout { get; set; }

    /// <summary>Completes with the response (or its failure).</summary>
    public abstract Task Task { get; }

    /// <summary>Whether <paramref name="message"/> answers this request.</summary>
    public bool Accepts(BlinkTradeMessage message)
        => Array.IndexOf(_responseTypes, message.MsgType) >= 0 && (_accept is null || _accept(message));

    public void Arm(CancellationTokenRegistration cancellation) => _cancellation = cancellation;

    public bool TryComplete(BlinkTradeMessage message)
    {
        Disarm();
        return TrySetResult(message);
    }

    public bool TryFail(Exception error)
    {
        Disarm();
        return TrySetException(error);
    }

    public bool TryCancel(CancellationToken token)
    {
        Disarm();
        return TrySetCanceled(token);
    }

    protected abstract bool TrySetResult(BlinkTradeMessage message);

    protected abstract bool TrySetException(Exception error);

    protected abstract bool TrySetCanceled(CancellationToken token);

    private void Disarm() => _cancellation.Dispose();
}
