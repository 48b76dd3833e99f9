using System.Runtime.CompilerServices;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Internal.Streams;
using BlinkTrade.Client.Internal.Telemetry;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Session;
using BlinkTrade.Client.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace BlinkTrade.Client.Internal;

/// <summary>
/// The connection core behind <see cref="BlinkTradeClient"/>: opens, supervises and replaces the
/// <see cref="SessionConnection"/>, holds the <see cref="SessionGate"/> requests wait at while reconnecting, owns the
/// client-wide streams, and routes every inbound message of the current connection through the one
/// <see cref="MessageRouter"/> the features registered with. Features reach the connection only through it
/// (<see cref="RequestAsync{TResponse}"/>, <see cref="AcquireSessionAsync"/>, <see cref="TrySendAsync"/>).
/// </summary>
internal sealed class ClientCore : ISessionSink
{
    private readonly BlinkTradeClientOptions _options;
    private readonly IBlinkTradeTransport _transport;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RequestIdGenerator _ids = new();
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly ResiliencePipeline _reconnectPipeline;
    private readonly SafeSubject<ConnectionStateChange> _states;
    private readonly SafeSubject<BlinkTradeClientError> _errors;
    private readonly SafeSubject<TimeSpan> _latency;
    private readonly SafeSubject<BlinkTradeMessage> _messages;
    private readonly SafeSubject<SessionRecovery> _recoveries;
    private readonly SafeSubject<PacingDelay> _pacingDelays;
    private readonly SessionGate _gate = new();
    private readonly System.Collections.Concurrent.ConcurrentBag<Func<bool>> _subjects = [];
    private readonly MessageRouter _router = new();
    private readonly ClientMetrics _metrics;
    private long _lastHeartbeatTimestamp;
    private IClientFeature[] _features = [];
    private SessionConnection? _session;
    private int _reconnectAttempts;
    private CancellationTokenSource _lifetime = new();
    private volatile bool _wantConnected;
    private volatile bool _disposed;
    private volatile ConnectionState _state = ConnectionState.Disconnected;

    /// <summary>Creates the core; nothing is opened until <see cref="ConnectAsync"/>.</summary>
    /// <param name="options">The options, already validated.</param>
    public ClientCore(BlinkTradeClientOptions options)
    {
        _options = options;
        _time = options.TimeProvider;
        _transport = options.Transport ?? new WebSocketTransport();
        _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<BlinkTradeClient>();
        var capacity = options.SubscriberQueueCapacity;
        _metrics = new ClientMetrics(options.MeterFactory, () => _state, () => OpenSession?.PendingRequestCount ?? 0);
        _errors = new SafeSubject<BlinkTradeClientError>("Errors", OverflowPolicy.FaultSubscriber, capacity, replayLatest: false, _logger, report: null, _time, _metrics);
        _states = CreateStateSubject<ConnectionStateChange>("ConnectionStates");
        _latency = CreateStateSubject<TimeSpan>("Latency");
        _messages = CreateEventSubject<BlinkTradeMessage>("Messages");
        _recoveries = CreateEventSubject<SessionRecovery>("Recoveries");
        // Statistics: a subscriber that falls behind loses the oldest, it is not unsubscribed.
        _pacingDelays = new SafeSubject<PacingDelay>("PacingDelays", OverflowPolicy.DropOldest, capacity, replayLatest: false, _logger, ReportError, _time, _metrics);
        _states.OnNext(new ConnectionStateChange(ConnectionState.Disconnected, "Not connected yet.", null, _time.GetUtcNow()));
        _reconnectPipeline = BuildReconnectPipeline();
    }

    /// <summary>Attaches the features, in the order they restore a connection, and freezes the routing table.</summary>
    public void Attach(params IClientFeature[] features)
    {
        foreach (var feature in features)
        {
            feature.Register(_router);
        }
        _router.Freeze();
        _features = features;
    }

    public BlinkTradeClientOptions Options => _options;

    public TimeProvider Time => _time;

    public ILogger Logger => _logger;

    public RequestIdGenerator Ids => _ids;

    /// <summary>The client's instruments.</summary>
    public ClientMetrics Metrics => _metrics;

    /// <summary>When the last heartbeat answer arrived (a <see cref="TimeProvider"/> timestamp), or <see langword="null"/> if none has on this connection.</summary>
    public long? LastHeartbeatTimestamp => Volatile.Read(ref _lastHeartbeatTimestamp) is var t and not 0 ? t : null;

    /// <summary>The message types the features handle.</summary>
    public IReadOnlyCollection<Type> Routes => _router.Routes;

    /// <summary>The current connection when it is open (fire-and-forget sends, watchdogs), else <see langword="null"/>.</summary>
    public SessionConnection? OpenSession => Volatile.Read(ref _session) is { IsOpen: true } session ? session : null;

    public bool IsDisposed => _disposed;

    public ConnectionState State => _state;

    public IObservable<ConnectionStateChange> ConnectionStates => _states;

    public IObservable<BlinkTradeClientError> Errors => _errors;

    public IObservable<TimeSpan> Latency => _latency;

    public IObservable<BlinkTradeMessage> Messages => _messages;

    public IObservable<SessionRecovery> Recoveries => _recoveries;

    public IObservable<PacingDelay> PacingDelays => _pacingDelays;

    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_wantConnected && _session is { IsOpen: true })
            {
                return;
            }
            if (_wantConnected && _state == ConnectionState.Reconnecting)
            {
                // The reconnect loop owns the connection: wait for its outcome rather than open a second one.
                var outcome = await WaitForStateAsync(s => s is not ConnectionState.Reconnecting, cancellationToken).ConfigureAwait(false);
                if (outcome.State == ConnectionState.Disconnected)
                {
                    throw outcome.Exception as Exception ?? new ConnectionClosedException(outcome.Reason);
                }
                return;
            }
            if (_lifetime.IsCancellationRequested)
            {
                _lifetime.Dispose();
                _lifetime = new CancellationTokenSource();
            }
            _wantConnected = true;
            _gate.Hold();
            SetState(ConnectionState.Connecting, "Connecting.", null);
            try
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
                await OpenSessionAsync(isReconnect: false, linked.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _wantConnected = false;
                _gate.Close("Connecting failed: " + e.Message, e);
                SetState(ConnectionState.Disconnected, "Connecting failed: " + e.Message, e);
                throw;
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _wantConnected = false;
            _gate.Close("The client was disconnected by the application.", null);
            await _lifetime.CancelAsync().ConfigureAwait(false);
            var session = Interlocked.Exchange(ref _session, null);
            if (session is not null)
            {
                await session.CloseAsync("Client disconnect", cancellationToken).ConfigureAwait(false);
                await session.DisposeAsync().ConfigureAwait(false);
            }
            if (_state != ConnectionState.Disconnected)
            {
                ClientLog.Disconnected(_logger, "DisconnectAsync");
                SetState(ConnectionState.Disconnected, "Disconnected by the application.", null);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken = default)
    {
        var (session, left) = await AcquireSessionAsync(MessageTypes.TestRequest, "ping", cancellationToken).ConfigureAwait(false);
        return await session.PingAsync(left, cancellationToken).ConfigureAwait(false);
    }

    public async Task SendAsync(BlinkTradeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (session, left) = await AcquireSessionAsync(message.MsgType, "-", cancellationToken).ConfigureAwait(false);
        await session.SendAsync(message, cancellationToken, left).ConfigureAwait(false);
    }

    public Task<BlinkTradeMessage> RequestAsync(BlinkTradeMessage request, string requestId, string responseMsgType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentException.ThrowIfNullOrEmpty(responseMsgType);
        return RequestOnReadySessionAsync<BlinkTradeMessage>(request, requestId, [responseMsgType], null, cancellationToken);
    }

    public void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, typeof(BlinkTradeClient));

    /// <summary>Closes the connection, stops reconnecting and completes every stream.</summary>
    /// <returns>A task that completes when the client is disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _wantConnected = false;
        _gate.Close("The client was disposed.", null);
        await _lifetime.CancelAsync().ConfigureAwait(false);
        var session = Interlocked.Exchange(ref _session, null);
        if (session is not null)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
        if (_state != ConnectionState.Disconnected)
        {
            SetState(ConnectionState.Disconnected, "The client was disposed.", null);
        }
        foreach (var feature in _features)
        {
            feature.Complete();
        }
        _pacingDelays.OnCompleted();
        _messages.OnCompleted();
        _recoveries.OnCompleted();
        _latency.OnCompleted();
        _states.OnCompleted();
        _errors.OnCompleted();
        _metrics.Dispose();
    }

    // Typed request helper used by every XxxAsync method: correlation id, response type(s), cast.
    // spent: what the call already used of its request timeout before this request (the pre-trade checks' wait for the
    // instrument list), so the whole call still ends within one RequestTimeout.
    public Task<TResponse> RequestAsync<TResponse>(BlinkTradeMessage request, string requestId, string responseMsgType, Func<BlinkTradeMessage, bool>? accept, CancellationToken cancellationToken, Action? beforeSend = null, TimeSpan spent = default)
        where TResponse : BlinkTradeMessage
        => RequestOnReadySessionAsync<TResponse>(request, requestId, [responseMsgType], accept, cancellationToken, beforeSend, spent);

    public SafeSubject<T> CreateStateSubject<T>(string name)
        => Track(new SafeSubject<T>(name, OverflowPolicy.DropOldest, _options.SubscriberQueueCapacity, replayLatest: true, _logger, ReportError, _time, _metrics));

    public SafeSubject<T> CreateEventSubject<T>(string name)
        => Track(new SafeSubject<T>(name, OverflowPolicy.FaultSubscriber, _options.SubscriberQueueCapacity, replayLatest: false, _logger, ReportError, _time, _metrics));

    /// <summary>Nothing queued to send on the open connection and every stream's subscribers have delivered what they
    /// were given (a snapshot, for the test kit's run-until-idle; the receive loop is the transport's to report).</summary>
    public bool IsIdle => (OpenSession?.QueuedOutbound ?? 0) == 0 && _errors.IsIdle && _pacingDelays.IsIdle && _subjects.All(static idle => idle());

    private SafeSubject<T> Track<T>(SafeSubject<T> subject)
    {
        _subjects.Add(() => subject.IsIdle);
        return subject;
    }

    public void ReportError(BlinkTradeClientError error) => _errors.OnNext(error);

    public void ReportError(ClientErrorKind kind, string message, Exception? exception)
        => _errors.OnNext(new BlinkTradeClientError(kind, message, exception, _time.GetUtcNow()));

    // Every request of the application: waits for a ready session (see SessionGate), then the rest of its timeout
    // covers pacing and the answer. beforeSend runs once the request has a session, just before it is handed to it.
    // With a session ready (the usual case) the caller gets the pending request's own task: no async layer awaits the
    // answer on its way, so an ERROR is thrown once, at the application's await, and no state machine is allocated.
    public Task<TResponse> RequestOnReadySessionAsync<TResponse>(BlinkTradeMessage request, string requestId, string[] responseMsgTypes, Func<BlinkTradeMessage, bool>? accept, CancellationToken cancellationToken, Action? beforeSend = null, TimeSpan spent = default)
        where TResponse : BlinkTradeMessage
    {
        var acquiring = AcquireSessionAsync(request.MsgType, requestId, cancellationToken, spent);
        if (!acquiring.IsCompletedSuccessfully || cancellationToken.IsCancellationRequested)
        {
            // Waiting for a session, refused, or already cancelled: the async path keeps what each of those throws.
            return RequestWhenReadyAsync<TResponse>(acquiring, request, requestId, responseMsgTypes, accept, cancellationToken, beforeSend).Unwrap();
        }
        var (session, left) = acquiring.Result;
        beforeSend?.Invoke();
        try
        {
            return session.RequestAsync<TResponse>(request, requestId, responseMsgTypes, accept, left, cancellationToken, _options.RequestTimeout);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled between the look above and the registration: a cancelled task, as an async method returns.
            return Task.FromCanceled<TResponse>(e.CancellationToken.IsCancellationRequested ? e.CancellationToken : cancellationToken);
        }
    }

    // The request's own task is returned, not awaited (Unwrap hands its outcome on without throwing it).
    private async Task<Task<TResponse>> RequestWhenReadyAsync<TResponse>(ValueTask<(SessionConnection Session, TimeSpan Left)> acquiring, BlinkTradeMessage request, string requestId, string[] responseMsgTypes, Func<BlinkTradeMessage, bool>? accept, CancellationToken cancellationToken, Action? beforeSend)
        where TResponse : BlinkTradeMessage
    {
        var (session, left) = await acquiring.ConfigureAwait(false);
        beforeSend?.Invoke();
        return session.RequestAsync<TResponse>(request, requestId, responseMsgTypes, accept, left, cancellationToken, _options.RequestTimeout);
    }

    /// <summary>The session the application's requests use, and what is left of the request timeout. While the client
    /// connects or reconnects this waits for the new session to be logged in and restored; when it is not connected
    /// it fails at once.</summary>
    /// <exception cref="ConnectionClosedException">The client is not connected (or stopped reconnecting).</exception>
    /// <exception cref="BlinkTradeTimeoutException">No ready session within the request timeout.</exception>
    public async ValueTask<(SessionConnection Session, TimeSpan Left)> AcquireSessionAsync(string msgType, string requestId, CancellationToken cancellationToken, TimeSpan spent = default)
    {
        ThrowIfDisposed();
        var timeout = _options.RequestTimeout;
        var budget = timeout == Timeout.InfiniteTimeSpan ? timeout : timeout - spent;
        if (budget != Timeout.InfiniteTimeSpan && budget <= TimeSpan.Zero)
        {
            ClientLog.RequestTimedOut(_logger, msgType, requestId, timeout);
            throw new BlinkTradeTimeoutException(msgType, requestId, timeout);
        }
        if (_gate.Ready is { } ready)
        {
            return (ready, budget);
        }
        var started = _time.GetTimestamp();
        SessionConnection session;
        try
        {
            session = await _gate.WaitAsync(budget, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            ClientLog.RequestTimedOut(_logger, msgType, requestId, timeout);
            throw new BlinkTradeTimeoutException(msgType, requestId, timeout);
        }
        if (budget == Timeout.InfiniteTimeSpan)
        {
            return (session, budget);
        }
        var left = budget - _time.GetElapsedTime(started);
        return (session, left > TimeSpan.Zero ? left : TimeSpan.FromTicks(1));
    }

    void ISessionSink.OnMessage(SessionConnection session, BlinkTradeMessage message)
    {
        // Only the current connection feeds state; a late frame of a replaced connection is ignored.
        if (!ReferenceEquals(session, Volatile.Read(ref _session)) && Volatile.Read(ref _session) is not null)
        {
            return;
        }
        _router.Route(message);
        _messages.OnNext(message);
    }

    void ISessionSink.OnError(BlinkTradeClientError error) => _errors.OnNext(error);

    void ISessionSink.OnLatency(TimeSpan latency)
    {
        Volatile.Write(ref _lastHeartbeatTimestamp, _time.GetTimestamp());
        _metrics.HeartbeatRoundTrip(latency);
        _latency.OnNext(latency);
    }

    void ISessionSink.OnPacingDelay(string msgType, TimeSpan delay)
    {
        _metrics.PacingDelay(msgType, delay);
        _pacingDelays.OnNext(new PacingDelay(msgType, delay, _time.GetUtcNow()));
    }

    private async Task<ConnectionStateChange> WaitForStateAsync(Func<ConnectionState, bool> predicate, CancellationToken cancellationToken)
    {
        var reached = new TaskCompletionSource<ConnectionStateChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _states.Subscribe(new StateWaiter(predicate, reached));
        using var registration = cancellationToken.Register(() => reached.TrySetCanceled(cancellationToken));
        return await reached.Task.ConfigureAwait(false);
    }

    public void SetState(ConnectionState state, string reason, Exception? exception)
    {
        _state = state;
        _states.OnNext(new ConnectionStateChange(state, reason, exception, _time.GetUtcNow()));
    }

    private async Task<RestoreOutcome> OpenSessionAsync(bool isReconnect, CancellationToken cancellationToken)
    {
        var endpoint = _options.Endpoint;
        ClientLog.Connecting(_logger, endpoint);
        var connection = await _transport.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
        if (_disposed || cancellationToken.IsCancellationRequested)
        {
            // DisposeAsync or DisconnectAsync ran while the connection was being opened: do not leak it.
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new OperationCanceledException("The client was disconnected or disposed while connecting.", cancellationToken);
        }
        var session = new SessionConnection(connection, _options, _ids, _logger, this, _metrics);
        var restore = new RestoreContext(isReconnect);
        Volatile.Write(ref _session, session);
        Volatile.Write(ref _lastHeartbeatTimestamp, _time.GetTimestamp()); // a new connection is as fresh as an answered heartbeat
        session.Start();
        ClientLog.Connected(_logger, session.RemoteDescription);
        try
        {
            if (!isReconnect)
            {
                SetState(ConnectionState.Connected, "Connected to " + session.RemoteDescription + ".", null);
            }
            // The session feature logs in (again), then the others resubscribe, reconcile and refresh.
            foreach (var feature in _features)
            {
                await feature.RestoreAsync(session, restore, cancellationToken).ConfigureAwait(false);
            }
            // Logged in again and restored: requests that waited while reconnecting go now, on this session.
            _gate.Open(session);
            if (restore.LoggedIn)
            {
                SetState(ConnectionState.LoggedIn, isReconnect ? "Reconnected and logged in." : "Logged in.", null);
            }
            else if (isReconnect)
            {
                SetState(ConnectionState.Connected, "Reconnected to " + session.RemoteDescription + ".", null);
            }
        }
        catch
        {
            Interlocked.CompareExchange(ref _session, null, session);
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        _ = SuperviseAsync(session);
        return restore.ToOutcome();
    }

    // Waits for the connection to end, then replaces it (or reports the end) per the reconnect policy.
    private async Task SuperviseAsync(SessionConnection session)
    {
        var reason = await session.Completion.ConfigureAwait(false);
        if (_disposed || !_wantConnected || !ReferenceEquals(Volatile.Read(ref _session), session))
        {
            return;
        }
        var lostAt = _time.GetUtcNow();
        ClientLog.ConnectionLost(_logger, reason.Message, reason);
        ReportError(ClientErrorKind.ConnectionLost, "Connection lost: " + reason.Message, reason);
        Interlocked.CompareExchange(ref _session, null, session);
        await session.DisposeAsync().ConfigureAwait(false);
        foreach (var feature in _features)
        {
            feature.OnConnectionLost();
        }
        if (!_options.Reconnect.Enabled)
        {
            _wantConnected = false;
            _gate.Close("Connection lost: " + reason.Message, reason);
            SetState(ConnectionState.Disconnected, "Connection lost: " + reason.Message, reason);
            return;
        }
        _gate.Hold();
        SetState(ConnectionState.Reconnecting, "Connection lost: " + reason.Message, reason);
        using var activity = ClientActivities.StartReconnect(reason.Message);
        var lifetime = _lifetime.Token;
        Volatile.Write(ref _reconnectAttempts, 0);
        try
        {
            var restored = await _reconnectPipeline.ExecuteAsync(async token =>
            {
                token.ThrowIfCancellationRequested();
                Interlocked.Increment(ref _reconnectAttempts);
                _metrics.ReconnectAttempt();
                return await OpenSessionAsync(isReconnect: true, token).ConfigureAwait(false);
            }, lifetime).ConfigureAwait(false);
            PublishRecovery(lostAt, reason.Message, Volatile.Read(ref _reconnectAttempts), restored);
            activity?.SetTag("blinktrade.reconnect.attempts", Volatile.Read(ref _reconnectAttempts));
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // DisconnectAsync or DisposeAsync took over.
        }
        catch (Exception e)
        {
            _wantConnected = false;
            _gate.Close("Reconnecting gave up: " + e.Message, e);
            ClientLog.ReconnectFailed(_logger, "giving up: " + e.Message, e);
            ClientActivities.Fail(activity, e);
            SetState(ConnectionState.Disconnected, "Reconnecting gave up: " + e.Message, e);
        }
    }

    private void PublishRecovery(DateTimeOffset lostAt, string reason, int attempts, RestoreOutcome restored)
    {
        var orders = restored.Orders;
        var recovery = new SessionRecovery(lostAt, _time.GetUtcNow(), reason, attempts, restored.Subscriptions,
            orders?.Checked ?? 0, orders?.Orders ?? 0, orders?.Reports ?? 0, orders?.Fills ?? 0, restored.Error);
        ClientLog.Recovered(_logger, recovery.Downtime, attempts, recovery.SubscriptionsRestored, recovery.ReportsSynthesized);
        _metrics.Recovered(recovery.ReportsSynthesized);
        _recoveries.OnNext(recovery);
    }

    private ResiliencePipeline BuildReconnectPipeline()
    {
        var reconnect = _options.Reconnect;
        if (reconnect.MaxAttempts == 1)
        {
            return ResiliencePipeline.Empty; // one attempt, no retry (Polly needs at least one retry)
        }
        return new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                // A refused login will not succeed by retrying (and could lock the account): give up on it.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not BlinkTradeLoginException && !(e is OperationCanceledException && _lifetime.IsCancellationRequested)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = reconnect.UseJitter,
                Delay = reconnect.InitialDelay,
                MaxDelay = reconnect.MaxDelay,
                MaxRetryAttempts = reconnect.MaxAttempts is { } max ? max - 1 : int.MaxValue,
                OnRetry = args =>
                {
                    var error = args.Outcome.Exception;
                    ClientLog.ReconnectFailed(_logger, error?.Message ?? "unknown", error);
                    ClientLog.Reconnecting(_logger, args.AttemptNumber + 2, args.RetryDelay);
                    ReportError(ClientErrorKind.ReconnectFailed, "Reconnect attempt failed: " + error?.Message, error);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Fire-and-forget send for subscriptions: when there is no connection the restore after (re)connect
    /// covers it.</summary>
    public async Task TrySendAsync(BlinkTradeMessage message)
    {
        if (OpenSession is not { } session)
        {
            return;
        }
        try
        {
            await session.SendAsync(message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ConnectionClosedException)
        {
        }
    }

    /// <summary>A request id as the text the correlation compares.</summary>
    public static string IdText(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // One request per page, the next only when the consumer asks for more; stops at a short page (PROTOCOL.md §2.3 U4).
    public async IAsyncEnumerable<TRow> PageAsync<TResponse, TRow>(Func<int, int, BlinkTradeMessage> build, string responseMsgType, Func<TResponse, IReadOnlyList<TRow>?> rows, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TResponse : BlinkTradeMessage
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        for (var page = 0; ; page++)
        {
            var id = _ids.Next();
            var response = await RequestAsync<TResponse>(build(id, page), IdText(id), responseMsgType, null, cancellationToken).ConfigureAwait(false);
            var items = rows(response) ?? [];
            foreach (var item in items)
            {
                yield return item;
            }
            if (items.Count < pageSize)
            {
                yield break;
            }
        }
    }
}
