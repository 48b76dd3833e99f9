using System.Globalization;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Transport;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Client.Session;

/// <summary>
/// One live connection: a receive loop (pooled buffer, <see cref="ProtocolSerializer"/> dispatch), a single writer
/// draining a channel (the transport allows one send at a time), request/response correlation and the heartbeat.
/// It never reconnects: when the connection ends for any reason it fails every pending request at once and
/// completes <see cref="Completion"/>; the client then decides whether to replace it.
/// </summary>
/// <remarks>
/// Frames go through the connection's <see cref="FrameWriter{T}"/> (on the caller's thread when it is idle, else
/// queued in order). With pacing on, every frame first passes the <see cref="OutboundPacer"/>: one that must wait is queued there and
/// reaches the writer's channel when its turn comes.
/// </remarks>
internal sealed class SessionConnection : IAsyncDisposable, IFrameWriterOwner<OutboundFrame>
{
    private const int InitialReceiveBuffer = 4 * 1024;

    private readonly IBlinkTradeConnection _connection;
    private readonly BlinkTradeClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ISessionSink _sink;
    private readonly RequestIdGenerator _ids;
    private readonly PendingRequestRegistry _pending;
    private readonly FrameWriter<OutboundFrame> _writer;
    private long _handOffs;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<Exception> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly OutboundPacer? _pacer;
    private readonly Internal.Telemetry.ClientMetrics _metrics;
    private ITimer? _heartbeatTimer;
    private ITimer? _silenceTimer;
    private int _missedHeartbeats;
    private int _heartbeatInFlight;
    private long _lastInbound;
    private int _shutdown;
    private Task _receiveTask = Task.CompletedTask;
    private Task _sendTask = Task.CompletedTask;

    public SessionConnection(IBlinkTradeConnection connection, BlinkTradeClientOptions options, RequestIdGenerator ids, ILogger logger, ISessionSink sink, Internal.Telemetry.ClientMetrics metrics)
    {
        _connection = connection;
        _options = options;
        _time = options.TimeProvider;
        _ids = ids;
        _logger = logger;
        _sink = sink;
        _metrics = metrics;
        _pending = new PendingRequestRegistry(_time, p => ClientLog.RequestTimedOut(_logger, p.RequestMsgType, p.Id, p.ReportedTimeout));
        _writer = new FrameWriter<OutboundFrame>(connection, this, capacity: null);
        if (options.Pacing.Enabled)
        {
            _pacer = new OutboundPacer(options.Pacing, QueueReleased, sink.OnPacingDelay, options.TimeProvider, CreatePacingProbe);
        }
    }

    /// <summary>How many requests wait for their answer on this connection.</summary>
    public int PendingRequestCount => _pending.Count;

    /// <summary>Completes, with the reason, when the connection has ended (never faults).</summary>
    public Task<Exception> Completion => _completion.Task;

    /// <summary>Whether the connection is still usable.</summary>
    public bool IsOpen => Volatile.Read(ref _shutdown) == 0;

    /// <summary>The peer, for logs.</summary>
    public string RemoteDescription => _connection.RemoteDescription;

    /// <summary>Starts the loops and the heartbeat.</summary>
    public void Start()
    {
        _receiveTask = Task.Run(ReceiveLoopAsync);
        _sendTask = Task.Run(SendLoopAsync);
        _lastInbound = _time.GetTimestamp();
        _heartbeatTimer = _time.CreateTimer(static state => ((SessionConnection)state!).OnHeartbeatTick(), this, _options.HeartbeatInterval, _options.HeartbeatInterval);
        if (_options.HeartbeatAfterSilence != Timeout.InfiniteTimeSpan)
        {
            // Checked at half the silence period (so a probe goes out between 1× and 1.5× the silence) rather than
            // re-arming a timer on every inbound frame, which would cost a timer-queue update per frame.
            var check = _options.HeartbeatAfterSilence / 2;
            _silenceTimer = _time.CreateTimer(static state => ((SessionConnection)state!).OnSilenceCheck(), this, check, check);
        }
    }

    /// <summary>Queues a message for the writer and waits until it was handed to the transport.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the wait; a message still waiting for pacing is then not sent.</param>
    /// <param name="timeout">How long it may wait for pacing; the client's <see cref="BlinkTradeClientOptions.RequestTimeout"/>
    /// when <see langword="null"/>. A message not sent by then is withdrawn.</param>
    /// <exception cref="ConnectionClosedException">The connection has ended.</exception>
    /// <exception cref="BlinkTradeTimeoutException">The message could not be sent within the timeout.</exception>
    public async Task SendAsync(BlinkTradeMessage message, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(message, sent, sent.Task);
        if (sent.Task.IsCompleted)
        {
            await sent.Task.ConfigureAwait(false);
            return;
        }
        var wait = timeout ?? _options.RequestTimeout;
        try
        {
            await (wait == Timeout.InfiniteTimeSpan ? sent.Task.WaitAsync(cancellationToken) : sent.Task.WaitAsync(wait, _time, cancellationToken)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            if (sent.TrySetCanceled())
            {
                // Withdrawn from the pacing queue: it will never go out.
                throw new BlinkTradeTimeoutException($"{message.MsgType} could not be sent within {wait}: the outgoing rate limit kept it queued.");
            }
            await sent.Task.ConfigureAwait(false); // it went out (or failed) just before the timeout
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (!sent.TrySetCanceled(cancellationToken) && sent.Task.IsCompletedSuccessfully)
            {
                return; // it went out just before the cancellation
            }
            throw;
        }
    }

    /// <summary>
    /// Sends a request and waits for the response correlated by <paramref name="requestId"/> (PROTOCOL.md §1.2).
    /// </summary>
    /// <param name="request">The request (already carrying <paramref name="requestId"/> in its id field).</param>
    /// <param name="requestId">The correlation value as text.</param>
    /// <param name="responseTypes">The MsgTypes that answer it.</param>
    /// <param name="accept">An extra filter (e.g. only a cancel report answers a cancel request).</param>
    /// <param name="timeout">The timeout; the client's <see cref="BlinkTradeClientOptions.RequestTimeout"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The response.</returns>
    /// <param name="reportedTimeout">The timeout the caller was given, for the timeout exception, when part of it was
    /// spent before this call (waiting for the session); <paramref name="timeout"/> is then what is left of it.</param>
    public Task<BlinkTradeMessage> RequestAsync(BlinkTradeMessage request, string requestId, string[] responseTypes, Func<BlinkTradeMessage, bool>? accept, TimeSpan? timeout, CancellationToken cancellationToken, TimeSpan? reportedTimeout = null)
        => RequestAsync<BlinkTradeMessage>(request, requestId, responseTypes, accept, timeout, cancellationToken, reportedTimeout);

    /// <summary>
    /// Sends a request and waits for the response correlated by <paramref name="requestId"/>, typed: an answer that is
    /// not a <typeparamref name="TResponse"/> fails the request with a <see cref="ProtocolException"/>.
    /// </summary>
    /// <remarks>The task returned is the pending request's own (no async layer awaits it on the way to the caller): a
    /// refusal is thrown once, where the application awaits it. The parameters are those of the untyped overload; a
    /// cancelled <paramref name="cancellationToken"/> throws here, synchronously.</remarks>
    public Task<TResponse> RequestAsync<TResponse>(BlinkTradeMessage request, string requestId, string[] responseTypes, Func<BlinkTradeMessage, bool>? accept, TimeSpan? timeout, CancellationToken cancellationToken, TimeSpan? reportedTimeout = null)
        where TResponse : BlinkTradeMessage
        => _metrics.RequestDurationEnabled || Internal.Telemetry.ClientActivities.Source.HasListeners()
            ? MeasuredRequestAsync<TResponse>(request, requestId, responseTypes, accept, timeout, cancellationToken, reportedTimeout)
            : SendRequest<TResponse>(request, requestId, responseTypes, accept, timeout, cancellationToken, reportedTimeout);

    // The measured path (a listener is attached): a span and a duration from hand-over to answer. The span is started
    // inside this async method so that Activity.Current returns to the caller's own on completion.
    private async Task<TResponse> MeasuredRequestAsync<TResponse>(BlinkTradeMessage request, string requestId, string[] responseTypes, Func<BlinkTradeMessage, bool>? accept, TimeSpan? timeout, CancellationToken cancellationToken, TimeSpan? reportedTimeout)
        where TResponse : BlinkTradeMessage
    {
        using var activity = Internal.Telemetry.ClientActivities.StartRequest(request.MsgType, requestId, (request as NewOrderSingle)?.ClOrdID ?? (request as OrderCancelRequest)?.ClOrdID);
        var started = _time.GetTimestamp();
        try
        {
            var response = await SendRequest<TResponse>(request, requestId, responseTypes, accept, timeout, cancellationToken, reportedTimeout).ConfigureAwait(false);
            _metrics.RequestCompleted(request.MsgType, _time.GetElapsedTime(started), null);
            return response;
        }
        catch (Exception e)
        {
            _metrics.RequestCompleted(request.MsgType, _time.GetElapsedTime(started), e);
            Internal.Telemetry.ClientActivities.Fail(activity, e);
            throw;
        }
    }

    private Task<TResponse> SendRequest<TResponse>(BlinkTradeMessage request, string requestId, string[] responseTypes, Func<BlinkTradeMessage, bool>? accept, TimeSpan? timeout, CancellationToken cancellationToken, TimeSpan? reportedTimeout)
        where TResponse : BlinkTradeMessage
    {
        var wait = timeout ?? _options.RequestTimeout;
        var pending = _pending.Register<TResponse>(requestId, request.MsgType, responseTypes, accept, wait, reportedTimeout ?? wait, cancellationToken);
        try
        {
            // The pending request is the frame's owner: timed out or cancelled while waiting for pacing, it is not sent.
            Enqueue(request, sent: null, pending.Task, pending);
        }
        catch (Exception e)
        {
            if (_pending.Remove(pending))
            {
                pending.TryFail(e);
            }
        }
        return pending.Response;
    }

    /// <summary>Sends a TestRequest and measures the round trip.</summary>
    public async Task<TimeSpan> PingAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var id = _ids.NextString();
        var started = _time.GetTimestamp();
        var request = new TestRequest { TestReqID = id, SendTime = _time.GetUtcNow().ToUnixTimeMilliseconds() };
        await RequestAsync(request, id, [MessageTypes.Heartbeat], null, timeout, cancellationToken).ConfigureAwait(false);
        return _time.GetElapsedTime(started);
    }

    /// <summary>Closes gracefully: the peer sees a close; pending requests fail with <see cref="ConnectionClosedException"/>.</summary>
    public async Task CloseAsync(string reason, CancellationToken cancellationToken)
    {
        if (!Shutdown(new ConnectionClosedException(reason), abort: false))
        {
            return;
        }
        try
        {
            // Let the writer flush what was queued before the close (e.g. a logout).
            await _sendTask.WaitAsync(cancellationToken).ConfigureAwait(false);
            // ... and a direct send still in flight; the slot is kept, nothing is sent after the close.
            await _writer.StopSendingAsync(cancellationToken).ConfigureAwait(false);
            await _connection.CloseAsync(reason, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ConnectionClosedException or OperationCanceledException)
        {
            _connection.Abort();
        }
    }

    /// <summary>Drops the connection at once (e.g. stale, or the client is disposed).</summary>
    public void Abort(Exception reason) => Shutdown(reason, abort: true);

    public async ValueTask DisposeAsync()
    {
        Abort(new ConnectionClosedException("The session was disposed."));
        // After a graceful close the loops may still be draining: stop them for good.
        await _stop.CancelAsync().ConfigureAwait(false);
        _connection.Abort();
        try
        {
            await Task.WhenAll(_receiveTask, _sendTask).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ConnectionClosedException)
        {
        }
        await _connection.DisposeAsync().ConfigureAwait(false);
        _pacer?.Dispose();
        _stop.Dispose();
    }

    private void Enqueue(BlinkTradeMessage message, TaskCompletionSource? sent, Task? owner, PendingRequest? request = null)
    {
        // Serialize on the caller's thread: a message the serializer rejects fails the caller, not the writer loop.
        var frame = ProtocolSerializer.SerializeToUtf8Bytes(message);
        _metrics.MessageSent(message.MsgType, frame.Length);
        var item = new OutboundFrame(frame, message.MsgType, sent, owner, request);
        if (_pacer is not null)
        {
            if (!IsOpen)
            {
                throw new ConnectionClosedException("The connection is closed.");
            }
            var (priority, orderKey) = PacingPolicy.Classify(message);
            if (!_pacer.TryAdmit(item, priority, orderKey))
            {
                return; // queued: QueueReleased hands it to the writer when its turn comes
            }
        }
        HandingOff(item);
        if (_writer.TrySendDirect(item, _stop.Token))
        {
            return;
        }
        if (!IsOpen || !_writer.TryEnqueue(item))
        {
            throw new ConnectionClosedException("The connection is closed.");
        }
    }

    // Called by the pacer (under its lock) when messages nothing answers hold every permit but its last: a TestRequest
    // whose Heartbeat shows the server has read them, so their permits come back (OutboundPacer). Nobody awaits it; a
    // probe that times out or is cut by the connection's end is not an error of anyone's.
    private OutboundFrame CreatePacingProbe()
    {
        var id = _ids.NextString();
        var message = new TestRequest { TestReqID = id, SendTime = _time.GetUtcNow().ToUnixTimeMilliseconds() };
        var pending = _pending.Register<BlinkTradeMessage>(id, message.MsgType, [MessageTypes.Heartbeat], null, _options.RequestTimeout, _options.RequestTimeout, CancellationToken.None);
        pending.Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var frame = ProtocolSerializer.SerializeToUtf8Bytes(message);
        _metrics.MessageSent(message.MsgType, frame.Length);
        return new OutboundFrame(frame, message.MsgType, null, pending.Task, pending);
    }

    // Called by the pacer (under its lock, in release order) when a queued message may go: the writer sends it.
    private void QueueReleased(OutboundFrame item)
    {
        HandingOff(item);
        if (!IsOpen || !_writer.TryEnqueue(item))
        {
            item.Sent?.TrySetException(new ConnectionClosedException("The connection closed before the message was sent."));
        }
    }

    // The writer sends in the order frames are handed to it: a request's place in that order is what G2's "most recent
    // request" means, not when it was registered (it may have waited for pacing meanwhile).
    private void HandingOff(in OutboundFrame item)
    {
        if (item.Request is { } request)
        {
            request.SentSequence = Interlocked.Increment(ref _handOffs);
        }
    }

    bool IFrameWriterOwner<OutboundFrame>.CanSendDirect => IsOpen;

    ReadOnlyMemory<byte> IFrameWriterOwner<OutboundFrame>.FrameOf(OutboundFrame item) => item.Frame;

    void IFrameWriterOwner<OutboundFrame>.OnDequeued(OutboundFrame item)
    {
    }

    ValueTask IFrameWriterOwner<OutboundFrame>.BeforeSendAsync(OutboundFrame item, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    void IFrameWriterOwner<OutboundFrame>.OnSent(OutboundFrame item) => item.Sent?.TrySetResult();

    void IFrameWriterOwner<OutboundFrame>.OnSendFailed(OutboundFrame item, Exception error) => OnSendFailed(item, error);

    // The connection cannot be written any more: fail the message's sender and end the session. A send cancelled by
    // the session's own stop is part of a shutdown already under way.
    private void OnSendFailed(OutboundFrame item, Exception e)
    {
        if (e is OperationCanceledException && _stop.IsCancellationRequested)
        {
            item.Sent?.TrySetException(new ConnectionClosedException("The connection closed before the message was sent."));
            return;
        }
        ClientLog.SendFailed(_logger, item.MsgType, e);
        var reason = e as ConnectionClosedException ?? new ConnectionClosedException("Sending failed: " + e.Message, e);
        item.Sent?.TrySetException(reason);
        Shutdown(reason, abort: true);
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await _writer.DrainAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A failed send was handled by OnSendFailed (which ends the session); a stop is a shutdown under way.
        }
        finally
        {
            // Whatever is still queued will never be sent.
            while (_writer.TryTakeQueued(out var left))
            {
                left.Sent?.TrySetException(new ConnectionClosedException("The connection closed before the message was sent."));
            }
        }
    }

    /// <summary>Frames queued behind the one being sent (for the test kit's run-until-idle).</summary>
    public int QueuedOutbound => _writer.Count;

    private async Task ReceiveLoopAsync()
    {
        using var buffer = new PooledBufferWriter(InitialReceiveBuffer);
        try
        {
            while (true)
            {
                buffer.Reset();
                if (!await _connection.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false))
                {
                    Shutdown(new ConnectionClosedException("The server closed the connection."), abort: false);
                    return;
                }
                Volatile.Write(ref _lastInbound, _time.GetTimestamp());
                Dispatch(buffer.WrittenSpan);
                // Back to the pool while the connection waits for the next frame (the transport waits without one).
                buffer.Release();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Shutdown(e as ConnectionClosedException ?? new ConnectionClosedException("Receiving failed: " + e.Message, e), abort: true);
        }
    }

    private void Dispatch(ReadOnlySpan<byte> frame)
    {
        if (!ProtocolSerializer.TryDeserialize(frame, out var message, out var parseError))
        {
            ClientLog.MalformedFrame(_logger, parseError.Kind, parseError.MsgType, parseError);
            _sink.OnError(new BlinkTradeClientError(ClientErrorKind.MalformedFrame, parseError.Message, parseError, _time.GetUtcNow()));
            return;
        }
        _metrics.MessageReceived(message.MsgType, frame.Length);

        // The client's state (order tracker, books, balances) is updated before the request waiting for this
        // message resumes, so a caller that awaited a response observes the state it implies.
        try
        {
            _sink.OnMessage(this, message);
        }
        catch (Exception e)
        {
            // The client's own handlers are written not to throw; if one does, the loop must survive it anyway.
            _sink.OnError(new BlinkTradeClientError(ClientErrorKind.SubscriberFault, $"Handling a {message.MsgType} message failed: {e.Message}", e, _time.GetUtcNow()));
        }

        var correlated = false;
        switch (message)
        {
            case ErrorMessage error:
                OnServerError(error);
                correlated = true;
                break;
            case TestRequest test:
                // The server probes us: answer at once with the same TestReqID (PROTOCOL.md §1.4).
                TryEnqueue(new Heartbeat { TestReqID = test.TestReqID, SendTime = test.SendTime });
                break;
            default:
                if (CorrelationTable.TryGetResponseFields(message.MsgType, out var fields))
                {
                    foreach (var field in fields)
                    {
                        if (CorrelationReader.TryRead(frame, field, out var id))
                        {
                            // Pacing: the server has read that request, even one that timed out here meanwhile.
                            _pacer?.Acknowledge(id, message);
                            if (_pending.TryComplete(id, message))
                            {
                                correlated = true;
                                break;
                            }
                        }
                    }
                }
                break;
        }

        if (message is UnknownMessage unknown && !correlated)
        {
            ClientLog.UnknownMessage(_logger, unknown.MsgType);
            _sink.OnError(new BlinkTradeClientError(ClientErrorKind.UnknownMessage, $"Received a message of unknown type '{unknown.MsgType}'.", null, _time.GetUtcNow()));
        }
    }

    private void OnServerError(ErrorMessage error)
    {
        ClientLog.ServerError(_logger, error.Description, error.Detail, error.ReqID);
        var exception = new BlinkTradeErrorException(error);
        // G2: an ERROR goes to the request it names; without a ReqID, to the most recently sent pending request.
        // G15: an ERROR answering a cancel is a refused cancel (the order is not open), typed as such.
        bool failed;
        if (error.ReqID is { Length: > 0 } reqId)
        {
            _pacer?.Acknowledge(reqId, answer: null);
            var pending = _pending.TryTakeLatest(reqId);
            failed = pending is not null
                && pending.TryFail(pending.RequestMsgType == MessageTypes.OrderCancelRequest ? new Trading.OrderCancelRejectedException(error) : exception);
        }
        else
        {
            var latest = _pending.TryTakeMostRecentlySent();
            if (latest is not null)
            {
                // It is that request's answer: the server has read it, so its pacing permit comes back too.
                _pacer?.Acknowledge(latest.Id, answer: null);
            }
            failed = latest is not null && latest.TryFail(exception);
        }
        _sink.OnError(new BlinkTradeClientError(ClientErrorKind.ServerError,
            exception.Message + (failed ? string.Empty : " (no pending request matched)"), exception, _time.GetUtcNow()));
    }

    private void TryEnqueue(BlinkTradeMessage message)
    {
        try
        {
            Enqueue(message, sent: null, owner: null);
        }
        catch (ConnectionClosedException)
        {
        }
    }

    private void OnHeartbeatTick()
    {
        if (IsOpen)
        {
            _ = HeartbeatAsync();
        }
    }

    private void OnSilenceCheck()
    {
        if (IsOpen && _time.GetElapsedTime(Volatile.Read(ref _lastInbound)) >= _options.HeartbeatAfterSilence)
        {
            _ = HeartbeatAsync();
        }
    }

    private async Task HeartbeatAsync()
    {
        // One probe at a time: a scheduled tick and a silence probe never overlap.
        if (Interlocked.Exchange(ref _heartbeatInFlight, 1) != 0)
        {
            return;
        }
        TimeSpan latency;
        try
        {
            latency = await PingAsync(_options.HeartbeatTimeout, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Free the slot before reporting, so whoever reacts to the report can probe again at once.
            Volatile.Write(ref _heartbeatInFlight, 0);
            OnHeartbeatFailed(e);
            return;
        }
        Volatile.Write(ref _heartbeatInFlight, 0);
        Volatile.Write(ref _missedHeartbeats, 0);
        ClientLog.HeartbeatLatency(_logger, latency);
        _sink.OnLatency(latency);
    }

    private void OnHeartbeatFailed(Exception error)
    {
        if (error is BlinkTradeTimeoutException)
        {
            var missed = Interlocked.Increment(ref _missedHeartbeats);
            ClientLog.HeartbeatMissed(_logger, missed);
            _sink.OnError(new BlinkTradeClientError(ClientErrorKind.HeartbeatMissed,
                string.Create(CultureInfo.InvariantCulture, $"Heartbeat missed ({missed} in a row)."), error, _time.GetUtcNow()));
            if (missed >= _options.MaxMissedHeartbeats)
            {
                ClientLog.ConnectionStale(_logger, missed);
                Abort(new StaleConnectionException(missed));
            }
        }
        // Otherwise the connection ended (reported elsewhere), or the server rejected the probe with an ERROR (already
        // on the errors stream); neither counts as a missed beat.
    }

    private bool Shutdown(Exception reason, bool abort)
    {
        if (Interlocked.Exchange(ref _shutdown, 1) != 0)
        {
            return false;
        }
        _heartbeatTimer?.Dispose();
        _silenceTimer?.Dispose();
        _writer.Complete();
        var closed = reason as ConnectionClosedException ?? new ConnectionClosedException(reason.Message, reason);
        _pacer?.Stop(closed);
        _pending.FailAll(closed);
        if (abort)
        {
            _stop.Cancel();
            _connection.Abort();
        }
        // Otherwise the writer flushes what is queued (e.g. a logout) and the reader drains until the peer closes;
        // the owner disposes the session, which aborts whatever is left.
        _completion.TrySetResult(closed);
        return true;
    }
}
