using BlinkTrade.ApiKeys.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlinkTrade.ApiKeys;

/// <summary>
/// What <see cref="ApiKeysClient"/> and <see cref="ApiKeysAdminClient"/> share: the signed, retried HTTP channel, the
/// server's rate-limit report, and the disposal of the HTTP handler chain a client built for itself.
/// </summary>
/// <remarks>
/// Dispose a client created with its own handler chain (the constructor taking options); disposing one created on an
/// <see cref="HttpClient"/> (directly or by <c>AddBlinkTradeApiKeys</c>) leaves that <see cref="HttpClient"/> to its
/// owner. A transport handler passed in by the caller is never disposed.
/// </remarks>
public abstract class ApiKeysClientBase : IDisposable
{
    private readonly ApiKeysHttpCore? _core;
    private readonly HttpClient? _http;
    private readonly bool _ownsHttp;
    private readonly ApiKeysClientOptions? _options;
    private int _disposed;

    // For mocking: every call throws.
    private protected ApiKeysClientBase()
    {
    }

    // Builds its own handler chain (resilience → buffering → signing → transport) and owns it.
    private protected ApiKeysClientBase(ApiKeysClientOptions options, HttpMessageHandler? transport, ILogger? logger)
        : this(options, logger)
    {
        _http = ApiKeysHandlerChain.CreateHttpClient(options, transport, logger);
        _ownsHttp = true;
    }

    // On the caller's HttpClient, whose handlers already sign and retry: the caller keeps owning it.
    private protected ApiKeysClientBase(HttpClient httpClient, ApiKeysClientOptions options, ILogger? logger)
        : this(options, logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _http = httpClient;
    }

    // On a Refit client from IHttpClientFactory (the derived class holds it): the factory owns the handlers.
    private protected ApiKeysClientBase(ApiKeysClientOptions options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _core = new ApiKeysHttpCore(options, logger);
    }

    /// <summary>
    /// The rate-limit weight this client's IP had used in the current minute, as of the latest answer
    /// (<c>X-USED-WEIGHT-1M</c>); <see langword="null"/> before any answer carried it.
    /// </summary>
    public virtual int? LastUsedWeight1M => (_core ?? throw Mocking()).LastUsedWeight1M;

    // The HttpClient the derived class builds its Refit client on (null on the IHttpClientFactory path).
    private protected HttpClient? Http => _http;

    // The derived class's Refit client on Http (the two constructors that take or build an HttpClient).
    private protected TApi RefitClient<TApi>()
        where TApi : class => ApiKeysRefit.For<TApi>(Http!);

    // The derived class's Refit client, or the mocking constructor's "every call throws".
    private protected static TApi Mockable<TApi>(TApi? api)
        where TApi : class => api ?? throw Mocking();

    private protected ApiKeysHttpCore Core
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return _core ?? throw Mocking();
        }
    }

    /// <summary>Releases the HTTP handler chain this client built for itself; further calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what this client owns.</summary>
    /// <param name="disposing"><see langword="true"/> from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsHttp)
        {
            _http?.Dispose();
            if (_options is { MeterFactory: null })
            {
                ApiKeysMetrics.Release(_options); // the meter it made for itself (a factory's meters are the factory's)
            }
        }
    }

    // IOptions<T>.Value, with the argument checked first (a constructor's base call runs before its body).
    private protected static T OptionsValue<T>(IOptions<T> options)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value;
    }

    private static InvalidOperationException Mocking() => new("This instance was created for mocking.");
}
