using System.Buffers;
using System.Threading.Channels;
using BlinkTrade.Client.Session;
using BlinkTrade.Client.Transport;
using BlinkTrade.Testing.Gateway.Wire;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing.Gateway.Sessions;

/// <summary>
/// One client connection: a reader loop that parses, authorizes and dispatches each inbound frame in order, and a
/// writer loop that drains a bounded outbound queue. Both transports (in-memory and Kestrel WebSocket) run this code.
/// </summary>
/// <remarks>
/// Threading: the reader loop is the only code that mutates <see cref="Identity"/> and the rate limiter; any thread
/// (the engine actor above all) may call <see cref="Send"/>, which never blocks: when the queue is full the session is
/// too far behind and is disconnected with an ERROR, so a slow client can never stall the engine.
/// <para>
/// Frames go through the connection's <see cref="FrameWriter{T}"/>: handed to the transport on the caller's thread
/// when nothing is queued and no send is in flight, queued in order otherwise — so the queue bound, the slow-consumer
/// disconnect and the frame order are those of the queue.
/// </para>
/// <para>
/// Replies before refreshes (PROTOCOL.md §5 G39): while the session handles a request, unsolicited frames addressed
/// to it (<see cref="Publish(byte[], bool)"/>: U3, U9, U23, U40, 8, X, f…) are held in arrival order and released once the handler
/// has sent its reply or ERROR (<see cref="Send"/>). So a reply always precedes every publication its request caused,
/// whatever the handler, and publications keep their own order. Held frames count against the byte bound. A reply
/// the exchange actor publishes (<see cref="Reply"/>: an order's first report, a cancel's reports) ends the hold at once
/// (the held frames, then the reply), so the requester does not wait for the rest of the actor's work item (a book's
/// fan-out).
/// </para>
/// <para>
/// The outbound queue is bounded twice: <see cref="ReferenceExchangeOptions.SessionQueueCapacity"/> frames and
/// <see cref="ReferenceExchangeOptions.MaxSessionQueueBytes"/> bytes (a few large answers pin as much memory as many
/// small ones). Whatever is still queued when the session ends is released at once.
/// </para>
/// </remarks>
internal sealed class ExchangeSession : IFrameWriterOwner<QueuedFrame>
{
    private readonly IBlinkTradeConnection _connection;
    private readonly ExchangeRuntime _runtime;
    private readonly ILogger _logger;
    private readonly FrameWriter<QueuedFrame> _outbound;
    private readonly SlidingWindowRateLimiter _rateLimiter;
    private readonly CancellationTokenSource _writerStop = new();
    private CancellationToken _sendToken;
    private volatile bool _directSends;
    private readonly TaskCompletionSource _readerDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // 0 = within bounds; otherwise which bound the session overran (OverflowFrames, OverflowBytes).
    private int _overflowed;
    private const int OverflowFrames = 1;
    private const int OverflowBytes = 2;
    private long _queuedBytes;
    // Publications held while a request is being handled (G39); guarded by _publishGate.
    private readonly Lock _publishGate = new();
    private readonly List<QueuedFrame> _held = [];
    private bool _handlingRequest;
    private long _lastInbound;
    // Where a shared publication's frame is spliced as it is sent (QueuedFrame): written only under the writer's send
    // slot, which is held until the transport is done with the previous frame's bytes. Kept up to SpliceBufferLimit.
    private byte[]? _spliceBuffer;
    private const int SpliceBufferLimit = 4096;
    private CancellationTokenSource? _lifetime;
    private volatile SessionIdentity? _identity;
    private volatile bool _closing;

    public ExchangeSession(long id, IBlinkTradeConnection connection, string remoteIp, ExchangeRuntime runtime)
    {
        Id = id;
        _connection = connection;
        RemoteIp = remoteIp;
        _runtime = runtime;
        _logger = runtime.LoggerFactory.CreateLogger("BlinkTrade.Testing.Gateway.Session");
        // Bounded: TryEnqueue fails when full (a slow consumer) instead of dropping silently.
        _outbound = new FrameWriter<QueuedFrame>(connection, this, runtime.Options.SessionQueueCapacity);
        _rateLimiter = new SlidingWindowRateLimiter(runtime.TimeProvider, runtime.Options.MaxMessagesPerSecond);
    }

    public long Id { get; }

    /// <summary>The client's IP address as the server sees it (never a client-supplied RemoteIP).</summary>
    public string RemoteIp { get; }

    public string RemoteDescription => _connection.RemoteDescription;

    public SessionIdentity? Identity => _identity;

    public bool IsClosed { get; private set; }

    /// <summary>Bytes of outbound frames queued or held for this session and not yet handed to the transport.</summary>
    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    /// <summary>Replaces the session's identity (login, logout). Also keeps the publication registry in step.</summary>
    public void SetIdentity(SessionIdentity? identity)
    {
        var previous = _identity;
        _identity = identity;
        if (previous is not null)
        {
            _runtime.Registry.Unbind(this, previous);
        }
        if (identity is not null)
        {
            _runtime.Registry.Bind(this, identity);
        }
    }

    /// <summary>
    /// Queues one frame without blocking: a reply, an ERROR, or a frame of the session's own (snapshot, timeout).
    /// Returns false (and disconnects the session) when it is too far behind.
    /// </summary>
    public bool Send(byte[] frame) => SendFrame(new QueuedFrame(frame), direct: true);

    // direct: may be handed to the transport on the caller's thread; otherwise always queued — for the writer loop, or
    // (wakeWriter false) for the caller's own SendQueued later.
    private bool SendFrame(QueuedFrame frame, bool direct, bool wakeWriter = true)
    {
        if (direct && _directSends && _outbound.TrySendDirect(frame, _sendToken))
        {
            return true;
        }
        if (_closing || IsClosed)
        {
            return false; // a closing session refuses frames quietly
        }
        if (!TryReserve(frame.Length))
        {
            Overflow(OverflowBytes);
            return false;
        }
        if (_outbound.TryEnqueue(frame, wakeWriter))
        {
            return true;
        }
        ReleaseBytes(frame.Length);
        // Only a full queue means the client is too far behind; a queue completed meanwhile is a close.
        if (!_closing && !IsClosed)
        {
            Overflow(OverflowFrames);
        }
        return false;
    }

    /// <summary>
    /// Queues one unsolicited frame (a publication: 8, U3, U9, U23, U40, X, f…). While the session is handling a
    /// request the frame is held until the request's reply has been sent (G39); otherwise it is sent as by <see cref="Send"/>.
    /// </summary>
    /// <param name="frame">The frame.</param>
    /// <param name="direct"><see langword="false"/> to leave the send to the session's writer loop even when it could
    /// go out on the caller's thread (a fan-out to many sessions from the exchange actor).</param>
    public void Publish(byte[] frame, bool direct = true) => PublishFrame(new QueuedFrame(frame), direct, wakeWriter: true);

    /// <summary>Queues one unsolicited frame, as <see cref="Publish(byte[], bool)"/>: a shared publication's frame.</summary>
    /// <param name="frame">The frame.</param>
    public void Publish(QueuedFrame frame) => PublishFrame(frame, direct: true, wakeWriter: true);

    /// <summary>
    /// The reply to the request the session is handling, when the exchange actor publishes it (a <c>D</c>'s first
    /// execution report, an <c>F</c>'s reports): the hold ends at once — what the session held so far goes out in its
    /// order, then the reply — since every frame the request causes from now on comes after its reply anyway (G39).
    /// Outside a request it is sent as by <see cref="Send"/>.
    /// </summary>
    /// <remarks>Why not hold it with the rest until the handler returns: the actor's work item goes on after the reply
    /// with the book's fan-out to every subscriber, and the requester's confirmation would then queue behind those
    /// sends on the thread pool: the order placer's latency would grow with the number of subscribers. Why the held
    /// frames go first: they were published before the reply, by earlier commands (another user's fill of the order an
    /// <c>F</c> cancels) or by this one, and each order's reports must reach the client in the order they were made.</remarks>
    /// <param name="frame">The frame.</param>
    public void Reply(byte[] frame)
    {
        lock (_publishGate)
        {
            if (_handlingRequest)
            {
                _handlingRequest = false;
                ReleaseHeld();
            }
            SendFrame(new QueuedFrame(frame), direct: true);
        }
    }

    /// <summary>
    /// Queues one publication of a fan-out without waking the session's writer: the fan-out then calls
    /// <see cref="SendQueued"/> from a thread of its own, so a thousand idle sessions cost one thread-pool item between
    /// them rather than one each. In order with everything else sent to the session, as <see cref="Publish(byte[], bool)"/>.
    /// </summary>
    /// <param name="frame">The frame.</param>
    public void PublishDeferred(QueuedFrame frame) => PublishFrame(frame, direct: false, wakeWriter: false);

    /// <summary>Sends what <see cref="PublishDeferred"/> queued, on the caller's thread while the transport takes each
    /// frame at once; otherwise the session's writer carries on.</summary>
    public void SendQueued() => _outbound.SendQueued(_directSends ? _sendToken : CancellationToken.None); // the token is set before _directSends

    private void PublishFrame(QueuedFrame frame, bool direct, bool wakeWriter)
    {
        lock (_publishGate)
        {
            if (!_handlingRequest)
            {
                // Under the gate, so a publication never overtakes the held ones being released.
                SendFrame(frame, direct, wakeWriter);
                return;
            }
            if (_closing || IsClosed)
            {
                return;
            }
            // Held frames count against both bounds, as if they were already queued.
            if (_held.Count + _outbound.Count >= _runtime.Options.SessionQueueCapacity)
            {
                Overflow(OverflowFrames);
                return;
            }
            if (!TryReserve(frame.Length))
            {
                Overflow(OverflowBytes);
                return;
            }
            _held.Add(frame);
        }
    }

    /// <summary>Runs the session until the peer leaves, the session is closed or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        GatewayLog.SessionOpened(_logger, Id, _connection.RemoteDescription);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _lifetime = linked;
        Volatile.Write(ref _lastInbound, _runtime.TimeProvider.GetTimestamp());
        using var idleTimer = StartIdleTimer();
        var writer = Task.Run(() => WriteLoopAsync(linked.Token), CancellationToken.None);
        try
        {
            await ReadLoopAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Shutdown.
        }
        catch (FrameTooLargeException e)
        {
            // Nothing more can be read from this connection, but it can still say why before the close below.
            GatewayLog.FrameTooLarge(_logger, Id, e.MaxFrameBytes);
            Send(FrameEncoder.Error(GatewayErrors.MessageTooLarge, $"Frames are limited to {e.MaxFrameBytes} bytes", null));
        }
        catch (ConnectionClosedException)
        {
            // The peer went away abruptly.
        }
        finally
        {
            _readerDone.TrySetResult();
            _closing = true;
            IsClosed = true;
            _outbound.Complete();
            try
            {
                await writer.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                _connection.Abort();
            }
            await linked.CancelAsync().ConfigureAwait(false);
            await OnClosedAsync().ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
            _writerStop.Dispose();
            GatewayLog.SessionClosed(_logger, Id, _connection.RemoteDescription);
        }
    }

    /// <summary>Drops the connection at once (fault injection, shutdown).</summary>
    public void Abort()
    {
        _closing = true;
        IsClosed = true;
        _connection.Abort();
        _outbound.Complete();
    }

    /// <summary>Sends what is queued, then closes gracefully.</summary>
    public void Close()
    {
        _closing = true;
        _outbound.Complete();
    }

    // Checks for idleness a few times per timeout period on the exchange's clock (a manual clock in tests).
    private ITimer? StartIdleTimer()
    {
        var timeout = _runtime.Options.IdleTimeout;
        if (timeout <= TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan)
        {
            return null;
        }
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, timeout.Ticks / 4));
        return _runtime.TimeProvider.CreateTimer(_ =>
        {
            var idle = _runtime.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastInbound));
            if (idle >= timeout && !IsClosed && !_outbound.Completion.IsCompleted)
            {
                GatewayLog.IdleTimeout(_logger, Id, (int)idle.TotalSeconds);
                Send(FrameEncoder.Error(GatewayErrors.SessionTimeout, $"No message for {(int)idle.TotalSeconds} seconds", null));
                Close();
            }
        }, null, period, period);
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        // Rented per frame and returned once it has been handled: an idle session holds no receive buffer, and a large
        // frame's array goes back to the pool instead of staying with the session.
        using var buffer = new PooledBufferWriter(4096);
        while (!cancellationToken.IsCancellationRequested)
        {
            buffer.Release();
            if (!await _connection.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
            if (IsClosed || _overflowed != 0)
            {
                return;
            }
            Volatile.Write(ref _lastInbound, _runtime.TimeProvider.GetTimestamp());
            if (!_rateLimiter.TryAcquire())
            {
                GatewayLog.RateLimited(_logger, Id, _rateLimiter.Count);
                Send(FrameEncoder.Error(GatewayErrors.TooManyMessages, $"{_rateLimiter.Count} messages in the last second", null));
                Close();
                return;
            }
            BeginRequest();
            try
            {
                await ProcessFrameAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Last resort: nothing a frame contains may end the reader loop. The client gets a generic ERROR, the
                // log the exception (never the frame, which may hold secrets).
                GatewayLog.ReaderLoopRecovered(_logger, e, Id);
                SendLastResortError();
            }
            finally
            {
                EndRequest();
            }
            if (_outbound.Completion.IsCompleted)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Answers a refused request with its ERROR: logged, counted, sent, and the session closed when the refusal says so —
    /// what a <see cref="GatewayException"/> thrown by a handler gets. A handler calls it directly (and returns) for a
    /// refusal that is part of normal trading, such as a cancel that arrives after the fill: thrown, the exception's
    /// stack trace, captured again at every <c>await</c> on its way out, cost more than the whole request.
    /// </summary>
    internal void Refuse(GatewayRequest? message, GatewayException refusal)
        => Refuse(message, refusal.Description, refusal.Detail, refusal.RequestId, refusal.CloseSession);

    /// <summary>As <see cref="Refuse(GatewayRequest?, GatewayException)"/>, without an exception object: the refusal's
    /// Description, Detail, the ReqID to echo (null: the request's own) and whether the session closes.</summary>
    internal void Refuse(GatewayRequest? message, string description, string detail, ReadOnlyMemory<byte>? requestId = null, bool closeSession = false)
    {
        GatewayLog.RequestRefused(_logger, Id, message?.MsgType ?? "?", description, detail);
        if (message is null)
        {
            _runtime.Metrics.MessageReceived(null); // not even JSON with a MsgType: counted as "?"
        }
        _runtime.Metrics.Error(message?.MsgType);
        Send(FrameEncoder.Error(description, detail, requestId ?? message?.RequestId));
        if (closeSession)
        {
            Close();
        }
    }

    private async ValueTask ProcessFrameAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        GatewayRequest? message = null;
        try
        {
            message = GatewayRequest.Parse(frame);
            GatewayLog.MessageReceived(_logger, Id, message.MsgType);
            _runtime.Metrics.MessageReceived(message.MsgType);
            if (message.Rejection is { } rejection)
            {
                throw rejection;
            }
            if (_runtime.Faults.TryConsumeReject())
            {
                throw new GatewayException(GatewayErrors.InvalidMessage, "Rejected by fault injection");
            }
            await _runtime.Dispatcher.DispatchAsync(this, message, cancellationToken).ConfigureAwait(false);
        }
        catch (GatewayException e)
        {
            Refuse(message, e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // Never leak internals: the client gets a generic ERROR, the log gets the exception.
            GatewayLog.HandlerFailed(_logger, e, Id, message?.MsgType ?? "?");
            _runtime.Metrics.Error(message?.MsgType);
            Send(FrameEncoder.Error(GatewayErrors.UnknownError, string.Empty, message?.RequestId));
        }
        finally
        {
            message?.Dispose();
        }
    }

#pragma warning disable CA1031 // The last resort must not throw: it runs where the reader loop would otherwise end.
    private void SendLastResortError()
    {
        try
        {
            Send(FrameEncoder.Error(GatewayErrors.UnknownError, string.Empty, null));
        }
        catch (Exception)
        {
            // Nothing more can be said on this connection; the reader loop goes on.
        }
    }
#pragma warning restore CA1031

    private void BeginRequest()
    {
        lock (_publishGate)
        {
            _handlingRequest = true;
        }
    }

    // The request's reply (or ERROR) has been sent: the publications it caused follow, in their order.
    private void EndRequest()
    {
        lock (_publishGate)
        {
            _handlingRequest = false;
            ReleaseHeld();
        }
    }

    // Under _publishGate: sends the held publications in their order.
    private void ReleaseHeld()
    {
        foreach (var frame in _held)
        {
            ReleaseBytes(frame.Length);
            SendFrame(frame, direct: true);
        }
        _held.Clear();
    }

    // Counts a frame against the byte bound. A frame that alone exceeds the bound is let through when nothing else is
    // queued, so one large answer (a deep book's W) cannot make a session unusable.
    private bool TryReserve(int bytes)
    {
        var limit = _runtime.Options.MaxSessionQueueBytes;
        var total = Interlocked.Add(ref _queuedBytes, bytes);
        if (limit > 0 && total > limit && total != bytes)
        {
            Interlocked.Add(ref _queuedBytes, -bytes);
            return false;
        }
        _runtime.AddQueuedBytes(bytes);
        return true;
    }

    private void ReleaseBytes(int bytes)
    {
        Interlocked.Add(ref _queuedBytes, -bytes);
        _runtime.AddQueuedBytes(-bytes);
    }

    // The first bound overrun stops the writer, which tells the client why and drops it.
    private void Overflow(int bound)
    {
        if (_closing || IsClosed || Interlocked.CompareExchange(ref _overflowed, bound, 0) != 0)
        {
            return;
        }
        if (bound == OverflowBytes)
        {
            GatewayLog.SlowConsumerBytes(_logger, Id, _connection.RemoteDescription, _runtime.Options.MaxSessionQueueBytes);
        }
        else
        {
            GatewayLog.SlowConsumer(_logger, Id, _connection.RemoteDescription, _runtime.Options.SessionQueueCapacity);
        }
        _runtime.Metrics.SlowConsumerDisconnect();
        _writerStop.Cancel();
    }

    // Frees whatever is still queued or held once the writer is done (slow consumer, close, abort): the frames of a
    // session that left must not stay pinned by its channel. Called by the writer loop, the channel's only reader.
    private void ReleaseQueued()
    {
        // Nothing is sent any more: later frames are refused quietly, not counted as a slow consumer.
        _closing = true;
        _outbound.Complete();
        while (_outbound.TryTakeQueued(out var frame))
        {
            ReleaseBytes(frame.Length);
        }
        lock (_publishGate)
        {
            foreach (var frame in _held)
            {
                ReleaseBytes(frame.Length);
            }
            _held.Clear();
        }
    }

    bool IFrameWriterOwner<QueuedFrame>.CanSendDirect
        => !_runtime.Faults.MayHoldOutbound && !_closing && !IsClosed && _directSends && Volatile.Read(ref _overflowed) == 0;

    // Under the send slot (the writer asks for the bytes only to send them), so the splice buffer is free.
    ReadOnlyMemory<byte> IFrameWriterOwner<QueuedFrame>.FrameOf(QueuedFrame item) => item.Bytes(ref _spliceBuffer, SpliceBufferLimit);

    // Out of the queue: in flight (one frame at a time), no longer counted against the bound.
    void IFrameWriterOwner<QueuedFrame>.OnDequeued(QueuedFrame item) => ReleaseBytes(item.Length);

    ValueTask IFrameWriterOwner<QueuedFrame>.BeforeSendAsync(QueuedFrame item, CancellationToken cancellationToken)
        => _runtime.Faults.BeforeSendAsync(this, cancellationToken);

    void IFrameWriterOwner<QueuedFrame>.OnSent(QueuedFrame item) => _runtime.Metrics.FrameSent(item.Length);

    // Drop the connection — except when the writer was stopped for a slow consumer, which tells the client why once
    // it has the send slot.
    void IFrameWriterOwner<QueuedFrame>.OnSendFailed(QueuedFrame item, Exception error)
    {
        if (!_writerStop.IsCancellationRequested)
        {
            _connection.Abort();
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _writerStop.Token);
        var token = linked.Token;
        _sendToken = token;
        _directSends = true;
        try
        {
            await _outbound.DrainAsync(token).ConfigureAwait(false);
            // No direct send may overlap the close; the slot is kept for good.
            _directSends = false;
            await _outbound.StopSendingAsync(token).ConfigureAwait(false);
            await _connection.CloseAsync("closed by server", CancellationToken.None).ConfigureAwait(false);
            // Let the peer read the last frames (e.g. ERROR "Session timeout") and answer the close, briefly: cancelling
            // the read at once aborts the socket, and the TCP reset discards what the peer has not read yet.
            await _readerDone.Task.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            // Closed by the server (rate limit, idle, fault): stop reading too, whatever the peer does.
            await CancelLifetimeAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_writerStop.IsCancellationRequested)
        {
            // Too far behind: tell the client why (best effort, bounded), then drop it.
            _directSends = false;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                // A direct send in flight was cancelled by the same stop; wait until it let go of the transport.
                await _outbound.StopSendingAsync(timeout.Token).ConfigureAwait(false);
                var detail = _overflowed == OverflowBytes
                    ? $"More than {_runtime.Options.MaxSessionQueueBytes} bytes queued; disconnected"
                    : $"More than {_runtime.Options.SessionQueueCapacity} messages queued; disconnected";
                var error = FrameEncoder.Error(GatewayErrors.SlowConsumer, detail, null);
                await _connection.SendAsync(error, timeout.Token).ConfigureAwait(false);
                await _connection.CloseAsync(GatewayErrors.SlowConsumer, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ConnectionClosedException)
            {
                _connection.Abort();
            }
            IsClosed = true;
            _connection.Abort();
        }
        catch (OperationCanceledException)
        {
            _connection.Abort();
        }
        catch (ConnectionClosedException)
        {
            _connection.Abort();
        }
        finally
        {
            // The send token dies with this loop.
            _directSends = false;
            ReleaseQueued();
        }
    }

    private async Task CancelLifetimeAsync()
    {
        try
        {
            if (_lifetime is { } lifetime)
            {
                await lifetime.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (ObjectDisposedException)
        {
            // The session already ended.
        }
    }

    private async Task OnClosedAsync()
    {
        var identity = _identity;
        _identity = null;
        if (identity is not null)
        {
            _runtime.Registry.Unbind(this, identity);
        }
        _runtime.Registry.Remove(this);
        try
        {
            await _runtime.OnSessionClosedAsync(this, identity).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ObjectDisposedException or OperationCanceledException or ChannelClosedException)
        {
            // The exchange is shutting down.
        }
    }
}
