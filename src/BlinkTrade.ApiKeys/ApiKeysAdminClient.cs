using BlinkTrade.ApiKeys.Rest;
using BlinkTrade.ApiKeys.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlinkTrade.ApiKeys;

/// <summary>
/// Platform administration of API keys: approve (optionally overriding the requested permissions), reject,
/// disable, enable. Requires a platform administration credential; customer keys are refused (-2015).
/// </summary>
public class ApiKeysAdminClient : ApiKeysClientBase
{
    private readonly IApiKeysAdminApi? _api;

    /// <summary>For mocking.</summary>
    protected ApiKeysAdminClient()
    {
    }

    /// <summary>Creates a client with its own handler chain (for apps without dependency injection); dispose it when done.</summary>
    /// <param name="options">Endpoint, admin credential and policies; read once.</param>
    /// <param name="transport">The innermost handler, left to the caller to dispose; a <see cref="SocketsHttpHandler"/> when omitted.</param>
    /// <param name="loggerFactory">Where retries and failures are logged (never with secrets).</param>
    public ApiKeysAdminClient(ApiKeysAdminClientOptions options, HttpMessageHandler? transport = null, ILoggerFactory? loggerFactory = null)
        : base(options, transport, loggerFactory?.CreateLogger<ApiKeysAdminClient>()) =>
        _api = RefitClient<IApiKeysAdminApi>();

    /// <summary>Creates a client on an <see cref="HttpClient"/> whose handlers already sign and retry (with a base address).</summary>
    /// <param name="httpClient">The configured client; it stays the caller's to dispose.</param>
    /// <param name="options">The options registered by <c>AddBlinkTradeApiKeysAdmin</c>.</param>
    /// <param name="logger">The logger.</param>
    [ActivatorUtilitiesConstructor]
    public ApiKeysAdminClient(HttpClient httpClient, IOptions<ApiKeysAdminClientOptions> options, ILogger<ApiKeysAdminClient> logger)
        : base(httpClient, OptionsValue(options), logger) =>
        _api = RefitClient<IApiKeysAdminApi>();

    // What AddBlinkTradeApiKeysAdmin registers: the Refit client from IHttpClientFactory, already signing and retrying.
    internal ApiKeysAdminClient(IApiKeysAdminApi api, ApiKeysAdminClientOptions options, ILogger? logger)
        : base(options, logger) =>
        _api = api;

    private IApiKeysAdminApi Api => Mockable(_api);

    /// <summary>Approves a pending key, making it usable.</summary>
    /// <param name="key">The key, by id or by key string (any owner).</param>
    /// <param name="restrictions">Replaces the requested permissions when given.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key's new status (<see cref="ApiKeyState.Active"/>).</returns>
    /// <exception cref="ApiKeysRequestException">-1130 when the key is not pending; -2008 when unknown.</exception>
    public virtual Task<ApiKeysResponse<ApiKeyStatus>> ApproveAsync(ApiKeyReference key, ApiKeyPermissions? restrictions = null,
        CancellationToken cancellationToken = default)
    {
        var form = key.ToForm();
        if (restrictions is { } r)
        {
            form["restrictions"] = ApiKeyPermissionNames.Format(r);
        }
        return SendAsync("approve", form, static (api, f, ct) => api.ApproveAsync(f, ct), cancellationToken);
    }

    /// <summary>Rejects a pending key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key's new status (<see cref="ApiKeyState.Rejected"/>).</returns>
    public virtual Task<ApiKeysResponse<ApiKeyStatus>> RejectAsync(ApiKeyReference key, CancellationToken cancellationToken = default) =>
        SendAsync("reject", key.ToForm(), static (api, f, ct) => api.RejectAsync(f, ct), cancellationToken);

    /// <summary>Suspends an active key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key's new status (<see cref="ApiKeyState.Disabled"/>).</returns>
    public virtual Task<ApiKeysResponse<ApiKeyStatus>> DisableAsync(ApiKeyReference key, CancellationToken cancellationToken = default) =>
        SendAsync("disable", key.ToForm(), static (api, f, ct) => api.DisableAsync(f, ct), cancellationToken);

    /// <summary>Re-activates a disabled key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key's new status (<see cref="ApiKeyState.Active"/>).</returns>
    public virtual Task<ApiKeysResponse<ApiKeyStatus>> EnableAsync(ApiKeyReference key, CancellationToken cancellationToken = default) =>
        SendAsync("enable", key.ToForm(), static (api, f, ct) => api.EnableAsync(f, ct), cancellationToken);

    // The form is built by the caller, so a reference naming no key throws at the call, before any request.
    private Task<ApiKeysResponse<ApiKeyStatus>> SendAsync(string verb, Dictionary<string, string> form,
        Func<IApiKeysAdminApi, Dictionary<string, string>, CancellationToken, Task<Refit.IApiResponse<ApiKeyWire>>> call, CancellationToken cancellationToken)
    {
        var api = Api;
        return Core.SendAsync(HttpMethod.Post, verb, ct => call(api, form, ct), ApiKeysWireMapper.ToStatus, cancellationToken);
    }
}
