using System.Net;
using BlinkTrade.ApiKeys;
using BlinkTrade.Client.Transport;
using BlinkTrade.Testing.ApiKeys;
using BlinkTrade.Testing.Faults;
using BlinkTrade.Testing.Gateway;
using BlinkTrade.Testing.Hosting;
using BlinkTrade.Testing.Users;
using Microsoft.Extensions.Time.Testing;
using Amount = BlinkTrade.Client.Protocol.Amount;

namespace BlinkTrade.Testing;

/// <summary>
/// An in-process BlinkTrade exchange for tests: matching engine, accounts, market data and a protocol gateway served
/// over an in-memory transport and (optionally) a loopback WebSocket server. The control API plays the broker and
/// the operator: create brokers, instruments, users and balances, confirm deposits, process withdrawals, inspect
/// state and inject faults.
/// </summary>
/// <example>
/// <code>
/// await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions());
/// await exchange.CreateBrokerAsync(5, "exchange", makerFeeBps: 10, takerFeeBps: 20);
/// await exchange.CreateInstrumentAsync("BTCUSD", "BTC", "USD");
/// var alice = await exchange.CreateUserAsync("alice", "abc12345", brokerId: 5);
/// var transport = exchange.CreateInMemoryTransport();
/// </code>
/// </example>
public sealed partial class ReferenceExchange : IAsyncDisposable
{
    private readonly ExchangeRuntime _runtime;
    private ExchangeWebHost? _webHost;
    private int _disposed;

    private ReferenceExchange(ExchangeRuntime runtime)
    {
        _runtime = runtime;
    }

    /// <summary>The options the exchange runs with.</summary>
    public ReferenceExchangeOptions Options => _runtime.Options;

    /// <summary>The exchange's clock (advance it when it is a manual clock).</summary>
    public TimeProvider TimeProvider => _runtime.TimeProvider;

    /// <summary>Moves the exchange's clock forward when it is a <see cref="FakeTimeProvider"/> (statistics windows, idle timeouts, TOTP).</summary>
    /// <param name="delta">How far to move.</param>
    /// <exception cref="InvalidOperationException">The exchange runs on another clock.</exception>
    public void AdvanceTime(TimeSpan delta)
    {
        if (_runtime.TimeProvider is not FakeTimeProvider fake)
        {
            throw new InvalidOperationException("The exchange does not run on a FakeTimeProvider.");
        }
        fake.Advance(delta);
    }

    /// <summary>Fault injection: drop or close connections, delay or stall frames, reject messages.</summary>
    public ExchangeFaults Faults => _runtime.Faults;

    /// <summary>The number of open sessions (both transports).</summary>
    public int ConnectionCount => _runtime.Registry.Count;

    /// <summary>The WebSocket endpoint (<c>ws://127.0.0.1:port/trade/</c>), or null when the server is not enabled.</summary>
    public Uri? WebSocketUri => _webHost is null ? null : new Uri($"ws://{_webHost.BaseAddress.Authority}/trade/");

    /// <summary>The HTTP base address of the Kestrel host (REST endpoints), or null when the server is not enabled.</summary>
    public Uri? HttpBaseAddress => _webHost?.BaseAddress;

    internal ExchangeRuntime Runtime => _runtime;

    /// <summary>Starts an exchange (and its WebSocket server when <see cref="ReferenceExchangeOptions.EnableWebSocketServer"/> is set).</summary>
    /// <param name="options">The settings; defaults when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running exchange; dispose it to stop.</returns>
    public static async Task<ReferenceExchange> StartAsync(ReferenceExchangeOptions? options = null, CancellationToken cancellationToken = default)
    {
        var exchange = new ReferenceExchange(new ExchangeRuntime(options ?? new ReferenceExchangeOptions()));
        try
        {
            if (exchange.Options.Seed is { } seed)
            {
                await exchange.ApplySeedAsync(seed, cancellationToken).ConfigureAwait(false);
            }
            if (exchange.Options.EnableWebSocketServer)
            {
                exchange._webHost = await ExchangeWebHost.StartAsync(exchange._runtime, new IPEndPoint(IPAddress.Loopback, exchange.Options.WebSocketPort),
                    cancellationToken).ConfigureAwait(false);
            }
            return exchange;
        }
        catch
        {
            await exchange.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A transport whose connections reach this exchange in memory (no sockets); the endpoint URI is ignored.</summary>
    /// <param name="clientIp">The IP address the sessions report for the client (checked against API-key IP whitelists).</param>
    /// <returns>The transport.</returns>
    public IBlinkTradeTransport CreateInMemoryTransport(string clientIp = "127.0.0.1") => new InMemoryExchangeTransport(_runtime, clientIp);

    /// <summary>Creates a broker (and its own user with the same id, which also collects fees).</summary>
    /// <param name="brokerId">The broker id (5 = testnet).</param>
    /// <param name="name">The short name, also the broker user's username.</param>
    /// <param name="makerFeeBps">The maker fee (basis points).</param>
    /// <param name="takerFeeBps">The taker fee (basis points).</param>
    /// <param name="password">The broker user's password (to log in as the broker); random when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the broker exists.</returns>
    public Task CreateBrokerAsync(int brokerId, string name, int makerFeeBps = 0, int takerFeeBps = 0, string? password = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var hash = PasswordHash.Create(password ?? Guid.NewGuid().ToString("N"), Options.PasswordHashIterations);
        return _runtime.Actor.InvokeAsync(s => s.AddBroker(brokerId, name, makerFeeBps, takerFeeBps, hash), cancellationToken);
    }

    /// <summary>Creates an instrument. Currencies are registered as needed (BTC and other known codes are crypto).</summary>
    /// <param name="symbol">The symbol, e.g. <c>BTCUSD</c>.</param>
    /// <param name="baseCurrency">The quantity currency.</param>
    /// <param name="quoteCurrency">The price currency.</param>
    /// <param name="tickSize">The price granularity, e.g. <c>Amount.FromDecimal(0.01m)</c>; null for 1 satoshi.</param>
    /// <param name="minQty">The minimum order quantity; null for 1 satoshi.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the instrument trades.</returns>
    public Task CreateInstrumentAsync(string symbol, string baseCurrency, string quoteCurrency, Amount? tickSize = null, Amount? minQty = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseCurrency);
        ArgumentException.ThrowIfNullOrWhiteSpace(quoteCurrency);
        var tick = tickSize?.Satoshis ?? 1;
        var min = minQty?.Satoshis ?? 1;
        return _runtime.Actor.InvokeAsync(s => s.AddInstrument(new InstrumentDefinition(symbol, baseCurrency, quoteCurrency, tick, min, $"{baseCurrency}/{quoteCurrency}")), cancellationToken);
    }

    /// <summary>Creates a user of a broker.</summary>
    /// <param name="username">The username (unique, case-insensitive).</param>
    /// <param name="password">The password (stored as a PBKDF2 hash).</param>
    /// <param name="brokerId">The broker.</param>
    /// <param name="email">The email (unique); defaults to <c>username@example.com</c>.</param>
    /// <param name="verified">The verification level.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new user id.</returns>
    public Task<int> CreateUserAsync(string username, string password, int brokerId, string? email = null, int verified = 3, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentNullException.ThrowIfNull(password);
        return CreateUserAsync(username, PasswordHash.Create(password, Options.PasswordHashIterations), brokerId, email, cancellationToken, verified);
    }

    // With the password already hashed (the seed hashes all its users in parallel first).
    internal Task<int> CreateUserAsync(string username, PasswordHash hash, int brokerId, string? email, CancellationToken cancellationToken, int verified = 3)
    {
        var mail = email ?? username + "@example.com";
        return _runtime.Actor.InvokeAsync(s =>
        {
            if (s.Directory.FindBroker(brokerId) is null)
            {
                throw new ArgumentException($"Broker {brokerId} does not exist.", nameof(brokerId));
            }
            return s.CreateUser(brokerId, username, mail, hash, verified)?.UserId ?? throw new ArgumentException($"User {username} already exists.", nameof(username));
        }, cancellationToken);
    }

    /// <summary>Turns on two-factor authentication for a user with a known secret (see <see cref="ISecondFactorCodeProvider"/>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="secret">The secret the code provider checks codes against.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when set.</returns>
    public Task EnableTwoFactorAsync(int userId, string secret, CancellationToken cancellationToken = default) =>
        _runtime.Actor.InvokeAsync(s =>
        {
            var user = s.RequireUser(userId);
            user.TwoFactorSecret = secret;
            user.TwoFactorEnabled = true;
        }, cancellationToken);

    /// <summary>The pending password-reset token of a user (what U10 would have emailed), or null.</summary>
    /// <param name="email">The user's email.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token or null.</returns>
    public Task<string?> GetPasswordResetTokenAsync(string email, CancellationToken cancellationToken = default) =>
        _runtime.Actor.InvokeAsync(s => s.Directory.FindByEmail(email)?.ResetToken, cancellationToken);

    /// <summary>Finds a user id by username or email.</summary>
    /// <param name="login">Username or email.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user id or null.</returns>
    public Task<int?> FindUserIdAsync(string login, CancellationToken cancellationToken = default) =>
        _runtime.Actor.InvokeAsync(s => s.Directory.FindByLogin(login)?.UserId, cancellationToken);

    /// <summary>Stops the servers, drops every session and stops the engine.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await DisposeInMemoryHttpAsync().ConfigureAwait(false);
        if (_webHost is not null)
        {
            // Stop accepting first; sessions are aborted by the runtime.
            var host = _webHost;
            var stopping = host.DisposeAsync().AsTask();
            await _runtime.DisposeAsync().ConfigureAwait(false);
            await stopping.ConfigureAwait(false);
        }
        else
        {
            await _runtime.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Task ApplySeedAsync(ExchangeSeed seed, CancellationToken cancellationToken) => SeedLoader.ApplyAsync(this, seed, cancellationToken);

    /// <summary>Seeds a user's balances and keys.</summary>
    internal Task SeedUserAsync(int userId, SeedUser user, CancellationToken cancellationToken)
    {
        var pending = new List<Task>();
        SeedBalances(userId, user, pending, cancellationToken);
        SeedApiKeys(userId, user, pending, cancellationToken);
        return Task.WhenAll(pending);
    }

    partial void SeedBalances(int userId, SeedUser user, List<Task> pending, CancellationToken cancellationToken);

    // Seeded keys are ACTIVE with fixed credentials; "restrictions" are the REST modules, "permissions" the socket PermissionList.
    // The store is thread-safe and hashes each key's API password, so keys are issued on the caller's thread, not the actor's.
    private void SeedApiKeys(int userId, SeedUser user, List<Task> pending, CancellationToken cancellationToken)
    {
        if (user.ApiKeys.Count == 0)
        {
            return;
        }
        var owner = new ApiKeyOwner(user.Broker, userId);
        foreach (var key in user.ApiKeys)
        {
            var modules = key.Restrictions.Count == 0 ? ApiKeyPermissions.All : ApiKeyPermissionNames.FromNames(key.Restrictions);
            _runtime.ApiKeys.Seed(owner, modules, "seed", key.ApiKey, key.SecretKey, key.ApiPassword, key.IpWhiteList);
        }
        pending.Add(_runtime.Actor.InvokeAsync(s =>
        {
            foreach (var key in user.ApiKeys)
            {
                if (key.Permissions is { ValueKind: System.Text.Json.JsonValueKind.Object } permissions)
                {
                    s.PermissionListOverrides[key.ApiKey] = permissions.Clone();
                }
            }
        }, cancellationToken));
    }

    /// <summary>Seeds an ACTIVE API key for a user with known credentials and a PermissionList (§4.1).</summary>
    /// <param name="userId">The owner.</param>
    /// <param name="permissionList">The PermissionList JSON, e.g. <c>{"D":[["Side","eq","1"]]}</c>.</param>
    /// <param name="ipWhiteList">Allowed client IPs (empty: any).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key, its secret and its API password.</returns>
    public Task<SeedApiKey> CreateApiKeyAsync(int userId, string permissionList, IReadOnlyList<string>? ipWhiteList = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(permissionList);
        using var document = System.Text.Json.JsonDocument.Parse(permissionList);
        var list = document.RootElement.Clone();
        return _runtime.Actor.InvokeAsync(s =>
        {
            var account = s.RequireUser(userId);
            var issued = _runtime.ApiKeys.Create(new ApiKeyCreateRequest
            {
                Owner = new ApiKeyOwner(account.BrokerId, account.UserId),
                Label = "test",
                PermissionList = list,
                IpWhiteList = ipWhiteList ?? [],
                InitialState = ApiKeyLifecycleState.Active,
            });
            return new SeedApiKey
            {
                ApiKey = issued.Entry.ApiKey,
                SecretKey = issued.SecretKey,
                ApiPassword = issued.ApiPassword,
                Permissions = list,
                IpWhiteList = ipWhiteList ?? [],
            };
        }, cancellationToken);
    }

    /// <summary>The API-key store shared by the socket (U50–U55, API-key login) and the REST endpoints.</summary>
    public ApiKeyStore ApiKeys => _runtime.ApiKeys;

    internal void SeedAdmin(SeedAdmin admin) => _runtime.ApiKeys.SeedAdmin(admin.ApiKey, admin.SecretKey);
}
