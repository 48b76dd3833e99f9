using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using BlinkTrade.Testing.ApiKeys;
using BlinkTrade.Testing.Hosting.Rest;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.ApiKeys.Tests.Infrastructure;

/// <summary>
/// A running reference exchange (TestServer or Kestrel) with a seeded customer key (All) and an admin key,
/// plus factories for clients wired to it.
/// </summary>
internal sealed class TestExchange : IAsyncDisposable
{
    public static readonly ApiKeyOwner Alice = new(5, 100);
    public static readonly ApiKeyOwner Bob = new(5, 200);

    private readonly ApiKeysRestServer? _kestrel;
    private readonly ApiKeysRestTestServer? _testServer;
    private readonly List<IDisposable> _disposables = [];
    private readonly TrackingClock? _tracking;

    private TestExchange(HostKind kind, ApiKeyStore store, ApiKeysRestServer? kestrel, ApiKeysRestTestServer? testServer, TrackingClock? clock,
        CapturingLoggerProvider logs)
    {
        Kind = kind;
        Store = store;
        _kestrel = kestrel;
        _testServer = testServer;
        _tracking = clock;
        Logs = logs;
        User = store.Seed(Alice, label: "alice-root");
        Admin = store.SeedAdmin();
    }

    public HostKind Kind { get; }

    public ApiKeyStore Store { get; }

    /// <summary>The manual clock (server, store and clients share it), when the exchange was started with one.</summary>
    public FakeTimeProvider? Clock => _tracking?.Inner;

    /// <summary>How many timers are armed on the manual clock (0 without one).</summary>
    public int ArmedTimers => _tracking?.ArmedTimers ?? 0;

    public TimeProvider Time => (TimeProvider?)_tracking ?? TimeProvider.System;

    public CapturingLoggerProvider Logs { get; }

    public IssuedApiKey User { get; }

    public IssuedApiKey Admin { get; }

    public ApiKeysFaultInjector Faults => _kestrel?.Faults ?? _testServer!.Faults;

    public ApiKeysRateLimiter RateLimiter => _kestrel?.RateLimiter ?? _testServer!.RateLimiter;

    public Uri BaseAddress => _kestrel?.BaseAddress ?? _testServer!.BaseAddress;

    public static async Task<TestExchange> StartAsync(HostKind kind = HostKind.TestServer, bool manualClock = false, Action<ApiKeysRestOptions>? configure = null)
    {
        // A manual clock starts on a minute boundary so rate-limit windows are predictable.
        var clock = manualClock ? new TrackingClock(new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))) : null;
        var store = new ApiKeyStore(clock ?? TimeProvider.System, new ApiKeyStoreOptions { PasswordHashIterations = 1_000 });
        var options = new ApiKeysRestOptions { TimeProvider = clock };
        configure?.Invoke(options);
        var logs = new CapturingLoggerProvider();
        return kind == HostKind.Kestrel
            ? new TestExchange(kind, store, await ApiKeysRestServer.StartAsync(store, options, logs), null, clock, logs)
            : new TestExchange(kind, store, null, await ApiKeysRestTestServer.StartAsync(store, options, logs), clock, logs);
    }

    /// <summary>The innermost handler for a client: in-memory for TestServer, real sockets for Kestrel.</summary>
    public HttpMessageHandler CreateTransport(string? clientIp = null)
    {
        HttpMessageHandler handler = _testServer is not null ? _testServer.CreateHandler(clientIp) : new SocketsHttpHandler();
        _disposables.Add(handler);
        return handler;
    }

    public ApiKeysClientOptions ClientOptions(ApiKeysCredential credential) => new()
    {
        Endpoint = BaseAddress,
        Credential = credential,
        TimeProvider = Time,
        RetryDelay = TimeSpan.FromMilliseconds(10),
    };

    public ApiKeysClient CreateClient(ApiKeysCredential? credential = null, Action<ApiKeysClientOptions>? configure = null, HttpMessageHandler? transport = null,
        ILoggerFactory? loggerFactory = null)
    {
        var options = ClientOptions(credential ?? new ApiKeysCredential(User.Entry.ApiKey, User.SecretKey));
        configure?.Invoke(options);
        return new ApiKeysClient(options, transport ?? CreateTransport(), loggerFactory ?? LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace)));
    }

    public ApiKeysAdminClient CreateAdminClient(ApiKeysCredential? credential = null, Action<ApiKeysAdminClientOptions>? configure = null)
    {
        var options = new ApiKeysAdminClientOptions
        {
            Endpoint = BaseAddress,
            Credential = credential ?? new ApiKeysCredential(Admin.Entry.ApiKey, Admin.SecretKey),
            TimeProvider = Time,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        };
        configure?.Invoke(options);
        return new ApiKeysAdminClient(options, CreateTransport(), LoggerFactory.Create(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace)));
    }

    /// <summary>
    /// Sends a hand-built request (bypassing the SDK's signing) so tests can omit or corrupt single elements.
    /// </summary>
    public async Task<(int Status, string Body, HttpResponseMessage Response)> SendRawAsync(HttpMethod method, string verb, string query, string body,
        string? apiKey, string? secretKey, bool addTimestamp = true, bool sign = true, long? timestamp = null)
    {
        var fullQuery = query;
        if (addTimestamp)
        {
            var ts = timestamp ?? Time.GetUtcNow().ToUnixTimeMilliseconds();
            fullQuery = (fullQuery.Length > 0 ? fullQuery + "&" : string.Empty) + "timestamp=" + ts.ToString(CultureInfo.InvariantCulture);
        }
        if (sign && secretKey is not null)
        {
            fullQuery = (fullQuery.Length > 0 ? fullQuery + "&" : string.Empty) + "signature=" + ApiKeysSignature.Compute(secretKey, fullQuery, body);
        }
        using var http = new HttpClient(CreateTransport(), disposeHandler: false) { BaseAddress = BaseAddress };
        using var request = new HttpRequestMessage(method, "api/v1/apikey/" + verb + (fullQuery.Length > 0 ? "?" + fullQuery : string.Empty));
        if (method != HttpMethod.Get)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }
        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("X-API-KEY", apiKey);
        }
        var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>
    /// Runs <paramref name="operation"/>, moving the manual clock forward by <paramref name="step"/> only while a timer
    /// is armed on it (something waits on the clock), until the operation completes.
    /// </summary>
    public async Task<T> AdvanceUntilDoneAsync<T>(Task<T> operation, TimeSpan step, TimeSpan limit)
    {
        var clock = _tracking ?? throw new InvalidOperationException("Needs a manual clock.");
        var moved = TimeSpan.Zero;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!operation.IsCompleted && moved < limit && DateTime.UtcNow < deadline)
        {
            if (clock.ArmedTimers > 0)
            {
                clock.Inner.Advance(step);
                moved += step;
            }
            else
            {
                await Task.Delay(1);
            }
        }
        return await operation.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Polls <paramref name="condition"/> in real time (up to 10 s).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in time.");
            }
            await Task.Delay(1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }
        if (_kestrel is not null)
        {
            await _kestrel.DisposeAsync();
        }
        if (_testServer is not null)
        {
            await _testServer.DisposeAsync();
        }
    }
}
