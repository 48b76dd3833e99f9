using BlinkTrade.Client;
using BlinkTrade.Client.Transport;
using Microsoft.Extensions.Time.Testing;

namespace BlinkTrade.Testing.Scenarios;

/// <summary>
/// A running test scenario: a <see cref="ReferenceExchange"/> tuned for tests on a manual clock, the users it was
/// built with, a logged-in client per connected user, and time that runs until everything is idle.
/// Build one with <see cref="Create"/>.
/// </summary>
/// <example>
/// <code>
/// await using var scenario = await ExchangeScenario.Create()
///     .Instrument("BTCUSD", "BTC", "USD")
///     .User("alice", ("USD", 1_000))
///     .Book("BTCUSD", asks: [(600, 1), (601, 2)], bids: [(599, 1)])
///     .StartAsync();
/// var alice = scenario.Client("alice");
/// </code>
/// </example>
/// <remarks>
/// <para><b>Idle</b> (<see cref="RunUntilIdleAsync"/>) means, all at once and for several looks in a row: the exchange
/// runs no work item and has none queued (requests, control-API calls, timers' work); no exchange session holds an
/// outbound frame; no frame sent over the scenario's in-memory transport is unhandled (a frame counts until its
/// receiver asks for the next one); every scenario client has nothing queued to send and every subscriber of its
/// streams was handed everything published; and every task registered with <see cref="TrackWork"/> completed.</para>
/// <para>It does not cover work the scenario cannot see: clients on another transport, application tasks not
/// registered with <see cref="TrackWork"/>, or timers on a clock other than <see cref="Clock"/>.</para>
/// </remarks>
public sealed class ExchangeScenario : IAsyncDisposable
{
    private readonly Dictionary<string, int> _userIds;
    private readonly Dictionary<string, BlinkTradeClient> _clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<BlinkTradeClient> _owned = [];
    private readonly IdleTrackingTransport _transport;
    private readonly ScenarioIdle _idle;
    private readonly Func<string, string> _passwordOf;

    internal ExchangeScenario(ReferenceExchange exchange, FakeTimeProvider clock, Dictionary<string, int> userIds, Func<string, string> passwordOf)
    {
        Exchange = exchange;
        Clock = clock;
        _userIds = userIds;
        _passwordOf = passwordOf;
        _transport = new IdleTrackingTransport(exchange.Runtime);
        _idle = new ScenarioIdle(exchange.Runtime, _transport);
    }

    /// <summary>The time a scenario's clock starts at unless given one: 2026-01-01 00:00 UTC.</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Starts describing a scenario.</summary>
    /// <param name="clock">The manual clock the exchange and the clients run on; a new one at <see cref="DefaultStart"/> when null.</param>
    /// <returns>The builder.</returns>
    public static ScenarioBuilder Create(FakeTimeProvider? clock = null) => new(clock ?? new FakeTimeProvider(DefaultStart));

    /// <summary>The exchange (control API: balances, books, orders, faults).</summary>
    public ReferenceExchange Exchange { get; }

    /// <summary>The manual clock of the exchange and the scenario's clients; move it with <see cref="AdvanceAsync"/>.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The in-memory transport whose frames <see cref="RunUntilIdleAsync"/> watches (for clients you build yourself; pass them to <see cref="Track"/>).</summary>
    public IBlinkTradeTransport Transport => _transport;

    /// <summary>How far <see cref="AdvanceAsync"/> moves the clock before it runs until idle again (1 s): timers due within one step fire together.</summary>
    public TimeSpan TimeStep { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long (real time) <see cref="RunUntilIdleAsync"/> waits before it gives up with a <see cref="TimeoutException"/> naming what is still busy (30 s): a safety net, never a pace.</summary>
    public TimeSpan IdleSafetyNet { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The logged-in client of a user the scenario connected.</summary>
    /// <param name="username">The username.</param>
    /// <returns>The client.</returns>
    /// <exception cref="KeyNotFoundException">The user was not connected.</exception>
    public BlinkTradeClient Client(string username) =>
        _clients.TryGetValue(username, out var client) ? client : throw new KeyNotFoundException($"No client was connected for {username}.");

    /// <summary>The exchange's user id of a scenario user.</summary>
    /// <param name="username">The username.</param>
    /// <returns>The user id.</returns>
    /// <exception cref="KeyNotFoundException">The scenario has no such user.</exception>
    public int UserId(string username) =>
        _userIds.TryGetValue(username, out var id) ? id : throw new KeyNotFoundException($"The scenario has no user {username}.");

    /// <summary>Connects and logs in one more client for a scenario user (tracked for idle, disposed with the scenario).</summary>
    /// <param name="username">The username.</param>
    /// <param name="configure">Changes to the client options the scenario chose (e.g. heartbeats); optional.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>The logged-in client.</returns>
    public async Task<BlinkTradeClient> ConnectAsync(string username, Action<BlinkTradeClientOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var brokerId = await Exchange.Runtime.Actor.InvokeAsync(s => s.RequireUser(UserId(username)).BrokerId, cancellationToken).ConfigureAwait(false);
        var options = new BlinkTradeClientOptions
        {
            Transport = _transport,
            BrokerId = brokerId,
            Credentials = BlinkTradeCredentials.FromPassword(username, _passwordOf(username)),
            TimeProvider = Clock,
            // The exchange runs without a message-rate limit in tests; pacing on a manual clock would wait for a tick.
            Pacing = new PacingOptions { Enabled = false },
        };
        configure?.Invoke(options);
        var client = new BlinkTradeClient(options);
        Track(client);
        lock (_owned)
        {
            _owned.Add(client);
        }
        await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        lock (_clients)
        {
            _clients.TryAdd(username, client);
        }
        return client;
    }

    /// <summary>Watches a client you built on <see cref="Transport"/> in <see cref="RunUntilIdleAsync"/> (you dispose it).</summary>
    /// <param name="client">The client.</param>
    public void Track(BlinkTradeClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _idle.Track(client);
    }

    /// <summary>Makes <see cref="RunUntilIdleAsync"/> also wait for application work, e.g. a strategy's
    /// <c>WhenIdleAsync</c>: called on every look, its task must complete before the scenario counts as idle.</summary>
    /// <param name="whenIdle">Returns a task that completes when the application has nothing in progress.</param>
    public void TrackWork(Func<Task> whenIdle)
    {
        ArgumentNullException.ThrowIfNull(whenIdle);
        _idle.TrackWork(whenIdle);
    }

    /// <summary>Waits until the exchange, the transport, the scenario's clients and tracked work are all idle (see remarks of <see cref="ExchangeScenario"/>).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when idle.</returns>
    /// <exception cref="TimeoutException">Not idle within <see cref="IdleSafetyNet"/>; the message names what was busy.</exception>
    public Task RunUntilIdleAsync(CancellationToken cancellationToken = default) => _idle.WaitAsync(IdleSafetyNet, cancellationToken);

    /// <summary>Moves the clock forward in steps of <see cref="TimeStep"/>, running until idle before the first step and
    /// after each, so whatever a timer starts (a cancel, a heartbeat and its answer) is finished before the next timer fires.</summary>
    /// <param name="delta">How far to move.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>A task that completes when the clock has moved and everything is idle.</returns>
    public async Task AdvanceAsync(TimeSpan delta, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        var step = TimeStep > TimeSpan.Zero ? TimeStep : delta;
        await RunUntilIdleAsync(cancellationToken).ConfigureAwait(false);
        while (delta > TimeSpan.Zero)
        {
            var move = delta < step ? delta : step;
            Clock.Advance(move);
            delta -= move;
            await RunUntilIdleAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Disposes the scenario's clients, then stops the exchange.</summary>
    /// <returns>A task that completes when everything is stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        BlinkTradeClient[] clients;
        lock (_owned)
        {
            clients = [.. _owned];
            _owned.Clear();
        }
        foreach (var client in clients)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
        await Exchange.DisposeAsync().ConfigureAwait(false);
    }
}
