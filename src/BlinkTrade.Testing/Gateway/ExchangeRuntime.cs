using System.Collections.Concurrent;
using BlinkTrade.Client.Transport;
using BlinkTrade.Testing.ApiKeys;
using BlinkTrade.Testing.Faults;
using BlinkTrade.Testing.Gateway.Dispatch;
using BlinkTrade.Testing.Gateway.Engine;
using BlinkTrade.Testing.Gateway.Handlers;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Telemetry;
using BlinkTrade.Testing.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlinkTrade.Testing.Gateway;

/// <summary>
/// The running exchange behind every transport: options, the single-writer actor over <see cref="ExchangeState"/>,
/// the session registry, the dispatcher and the fault injector. Transports hand it connections.
/// </summary>
internal sealed class ExchangeRuntime : IAsyncDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private readonly ConcurrentDictionary<long, Task> _sessionTasks = new();
    private long _nextSessionId;
    private long _queuedBytes;

    public ExchangeRuntime(ReferenceExchangeOptions options)
    {
        Options = options;
        TimeProvider = options.TimeProvider;
        LoggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        SecondFactor = options.SecondFactorCodeProvider ?? new TotpCodeProvider(options.TimeProvider);
        Registry = new SessionRegistry();
        Metrics = new ExchangeMetrics(options.MeterFactory, () => Registry.Count, () => QueuedBytes);
        Faults = new ExchangeFaults(Registry, TimeProvider);
        Logger = LoggerFactory.CreateLogger("BlinkTrade.Testing.Gateway");
        DummyPassword = PasswordHash.Create(Guid.NewGuid().ToString("N"), options.PasswordHashIterations);
        ApiKeys = new ApiKeyStore(TimeProvider, new ApiKeyStoreOptions { PasswordHashIterations = Math.Max(1, options.PasswordHashIterations) });
        Actor = new ExchangeActor<ExchangeState>(new ExchangeState(this), Metrics);
        PasswordHasher = new PasswordHasher(options.PasswordHashConcurrency > 0 ? options.PasswordHashConcurrency : PasswordHasher.DefaultConcurrency);
        LoginThrottle = new LoginThrottle(TimeProvider, options.LoginFailureLimit, options.LoginFailureLimitPerAddress, options.LoginFailureWindow);
        LoginDeadlines = new LoginDeadlines(options.LoginTimeout, TimeProvider, Actor, Logger, _shutdown.Token);
        // Handlers get their dependencies from here, explicitly; none of them sees the runtime.
        Services = new GatewayServices(Actor, Options, TimeProvider, ApiKeys, PasswordHasher, LoginThrottle, LoginDeadlines, SecondFactor, DummyPassword, Logger, Registry);
        Dispatcher = new MessageDispatcher(Services);
        HandlerCatalog.MapAll(Dispatcher);
    }

    /// <summary>Whether the exchange is being disposed (the readiness probe fails from then on).</summary>
    public bool IsShuttingDown => _shutdown.IsCancellationRequested;

    /// <summary>The exchange's instruments (meter <see cref="ExchangeTelemetry.Name"/>).</summary>
    public ExchangeMetrics Metrics { get; }

    /// <summary>Every password hash (login, signup, password change) runs here: bounded, FIFO, off the thread pool and the actor.</summary>
    public PasswordHasher PasswordHasher { get; }

    /// <summary>Failed-login throttling per username and per address.</summary>
    public LoginThrottle LoginThrottle { get; }

    /// <summary>Closes sessions that neither log in nor subscribe within <see cref="ReferenceExchangeOptions.LoginTimeout"/>.</summary>
    public LoginDeadlines LoginDeadlines { get; }

    public ILogger Logger { get; }

    /// <summary>Verified against when a login names no user, so a missing user costs the same time as a wrong password.</summary>
    public PasswordHash DummyPassword { get; }

    public ReferenceExchangeOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILoggerFactory LoggerFactory { get; }

    public ISecondFactorCodeProvider SecondFactor { get; }

    public SessionRegistry Registry { get; }

    public ExchangeFaults Faults { get; }

    public MessageDispatcher Dispatcher { get; }

    /// <summary>What the handlers use (also the REST trade endpoint, which resolves an API key's identity with it).</summary>
    public GatewayServices Services { get; }

    public ExchangeActor<ExchangeState> Actor { get; }

    public CancellationToken ShutdownToken => _shutdown.Token;

    /// <summary>Bytes queued or held for every session together and not yet handed to a transport (0 when all are idle or gone).</summary>
    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    /// <summary>Sessions report what they queue and release here (<see cref="QueuedBytes"/>).</summary>
    public void AddQueuedBytes(long bytes) => Interlocked.Add(ref _queuedBytes, bytes);

    /// <summary>Starts a session on a server-side connection and returns the task that runs it.</summary>
    public Task StartSession(IBlinkTradeConnection connection, string remoteIp)
    {
        var id = Interlocked.Increment(ref _nextSessionId);
        connection = Options.SessionTape?.WrapConnection(connection, exchangeSide: true) ?? connection;
        var session = new ExchangeSession(id, connection, remoteIp, this);
        Registry.Add(session);
        LoginDeadlines.Start(session);
        var task = Task.Run(() => session.RunAsync(_shutdown.Token), CancellationToken.None);
        _sessionTasks[id] = task;
        _ = task.ContinueWith(_ =>
        {
            _sessionTasks.TryRemove(id, out Task? _);
            LoginDeadlines.Clear(session);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    /// <summary>
    /// Runs one request on a session of its own, logged in as <paramref name="identity"/>, that ends once the request's
    /// reply and the publications it caused are sent (the REST trade endpoint, PROTOCOL.md §4.4). Such a session is not
    /// counted among the open connections.
    /// </summary>
    public Task RunRequestSessionAsync(IBlinkTradeConnection connection, string remoteIp, SessionIdentity identity)
    {
        var session = new ExchangeSession(Interlocked.Increment(ref _nextSessionId), connection, remoteIp, this);
        session.SetIdentity(identity);
        return session.RunAsync(_shutdown.Token);
    }

    /// <summary>The API keys (shared with the REST endpoints): U50–U55 and API-key logins.</summary>
    public ApiKeyStore ApiKeys { get; }

    /// <summary>Clean-up after a session ends: market-data subscriptions and cancel-on-disconnect orders.</summary>
    public Task OnSessionClosedAsync(ExchangeSession session, SessionIdentity? identity) =>
        Actor.InvokeAsync(state => state.OnSessionClosed(session, identity), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        foreach (var session in Registry.All)
        {
            session.Abort();
        }
        try
        {
            await Task.WhenAll(_sessionTasks.Values).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Sessions stuck in a transport; the process is going away.
        }
        await Actor.DisposeAsync().ConfigureAwait(false);
        LoginDeadlines.Dispose();
        PasswordHasher.Dispose();
        Metrics.Dispose();
        _shutdown.Dispose();
    }
}
