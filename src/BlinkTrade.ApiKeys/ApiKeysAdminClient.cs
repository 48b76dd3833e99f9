using BlinkTrade.ApiKeys.Pipeline;
using BlinkTrade.ApiKeys.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlinkTrade.ApiKeys;

/// <summary>
/// Platform administration of API keys: approve (optionally overriding the requested permissions), reject,
/// disable, enable. Requires a platform administration credential; customer keys are refused (-2015).
/// </summary>
public class ApiKeysAdminClient
{
    private readonly ApiKeysHttpCore? _core;

    /// <summary>For mocking.</summary>
    protected ApiKeysAdminClient()
    {
    }

    /// <summary>Creates a client with its own handler chain (for apps without dependency injection).</summary>
    /// <param name="options">Endpoint, admin credential and policies; read once.</param>
    /// <param name="transport">The innermost handler; a <see cref="SocketsHttpHandler"/> when omitted.</param>
    /// <param name="loggerFactory">Where retries and failures are logged (never with secrets).</param>
    public ApiKeysAdminClient(ApiKeysAdminClientOptions options, HttpMessageHandler? transport = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var logger = loggerFactory?.CreateLogger<ApiKeysAdminClient>();
        _core = new ApiKeysHttpCore(ApiKeysHandlerChain.CreateHttpClient(options, transport, logger), options, logger);
    }

    /// <summary>Creates the typed client <see cref="IHttpClientFactory"/> hands out.</summary>
    /// <param name="httpClient">The configured client.</param>
    /// <param name="options">The options registered by <c>AddBlinkTradeApiKeysAdmin</c>.</param>
    /// <param name="logger">The logger.</param>
    [ActivatorUtilitiesConstructor]
    public ApiKeysAdminClient(HttpClient httpClient, IOptions<ApiKeysAdminClientOptions> options, ILogger<ApiKeysAdminClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Value.Validate();
        _core = new ApiKeysHttpCore(httpClient, options.Value, logger);
    }

    /// <summary>The rate-limit weight used in the current minute as of the latest answer, if any carried it.</summary>
    public virtual int? LastUsedWeight1M => Core.LastUsedWeight1M;

    private ApiKeysHttpCore Core => _core ?? throw new InvalidOperationException("This instance was created for mocking.");

    /// <summary>Approves a pending key, making it usable.</summary>
    /// <param name="key">The key, by id or by key string (any owner).</param>
    /// <param name="restrictions">Replaces the requested permissions when given.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key's new status (<see cref="ApiKeyState.Active"/>).</returns>
    /// <exception cref="ApiKeysRequestException">-1130 when the key is not pending; -2008 when unknown.</exception>
    public virtual Task<ApiKeysResponse<ApiKeyStatus>> ApproveAsync(ApiKeyReference key, ApiKeyPermissions? restrictions = null,
        CancellationToken cancellationToken = default)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        key.AddTo(parameters);
        if (restrictions is { } r)
        {
            parameters.Add(new("restrictions", ApiKeyPermissionNames.Format(r)));
        }
        return SendAsync("approve", parameters, cancellationToken);
    }

    /// <summary>Rejects a pending key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key's new status (<see cref="ApiKeyState.Rejected"/>).</returns>
    public virtual Task<ApiKeysResponse<ApiKeyStatus>> RejectAsync(ApiKeyReference key, CancellationToken cancellationToken = default) =>
        SendAsync("reject", Parameters(key), cancellationToken);

    /// <summary>Suspends an active key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key's new status (<see cref="ApiKeyState.Disabled"/>).</returns>
    public virtual Task<ApiKeysResponse<ApiKeyStatus>> DisableAsync(ApiKeyReference key, CancellationToken cancellationToken = default) =>
        SendAsync("disable", Parameters(key), cancellationToken);

    /// <summary>Re-activates a disabled key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key's new status (<see cref="ApiKeyState.Active"/>).</returns>
    public virtual Task<ApiKeysResponse<ApiKeyStatus>> EnableAsync(ApiKeyReference key, CancellationToken cancellationToken = default) =>
        SendAsync("enable", Parameters(key), cancellationToken);

    private static List<KeyValuePair<string, string>> Parameters(ApiKeyReference key)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        key.AddTo(parameters);
        return parameters;
    }

    private Task<ApiKeysResponse<ApiKeyStatus>> SendAsync(string verb, List<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken) =>
        Core.SendAsync(HttpMethod.Post, verb, parameters, ApiKeysJsonContext.Default.ApiKeyWire, ApiKeysWireMapper.ToStatus, cancellationToken);
}
