using System.Runtime.CompilerServices;
using BlinkTrade.ApiKeys.Rest;
using BlinkTrade.ApiKeys.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlinkTrade.ApiKeys;

/// <summary>
/// Manages the caller's own API keys over the REST contract (<c>/api/v1/apikey/...</c>): create, status, list,
/// revoke, regenerate-secret. Requests are signed with HMAC-SHA256 and retried per the contract's policy.
/// </summary>
/// <remarks>
/// Register it with <c>services.AddBlinkTradeApiKeys(...)</c> (a Refit client on an <see cref="HttpClient"/> from
/// <see cref="IHttpClientFactory"/>), or construct it directly. Members are virtual so tests can mock it.
/// </remarks>
public class ApiKeysClient : ApiKeysClientBase
{
    private readonly IApiKeysApi? _api;
    private readonly int _pageSize;

    /// <summary>For mocking.</summary>
    protected ApiKeysClient()
    {
    }

    /// <summary>Creates a client with its own handler chain (for apps without dependency injection); dispose it when done.</summary>
    /// <param name="options">Endpoint, credential and policies; read once.</param>
    /// <param name="transport">The innermost handler (e.g. a test server's), left to the caller to dispose; a <see cref="SocketsHttpHandler"/> when omitted.</param>
    /// <param name="loggerFactory">Where retries and failures are logged (never with secrets).</param>
    public ApiKeysClient(ApiKeysClientOptions options, HttpMessageHandler? transport = null, ILoggerFactory? loggerFactory = null)
        : base(options, transport, loggerFactory?.CreateLogger<ApiKeysClient>())
    {
        _api = RefitClient<IApiKeysApi>();
        _pageSize = options.PageSize;
    }

    /// <summary>Creates a client on an <see cref="HttpClient"/> whose handlers already sign and retry (with a base address).</summary>
    /// <param name="httpClient">The configured client; it stays the caller's to dispose.</param>
    /// <param name="options">The options registered by <c>AddBlinkTradeApiKeys</c>.</param>
    /// <param name="logger">The logger.</param>
    [ActivatorUtilitiesConstructor]
    public ApiKeysClient(HttpClient httpClient, IOptions<ApiKeysClientOptions> options, ILogger<ApiKeysClient> logger)
        : base(httpClient, OptionsValue(options), logger)
    {
        _api = RefitClient<IApiKeysApi>();
        _pageSize = options.Value.PageSize;
    }

    // What AddBlinkTradeApiKeys registers: the Refit client from IHttpClientFactory, already signing and retrying.
    internal ApiKeysClient(IApiKeysApi api, ApiKeysClientOptions options, ILogger? logger)
        : base(options, logger)
    {
        _api = api;
        _pageSize = options.PageSize;
    }

    private IApiKeysApi Api => Mockable(_api);

    /// <summary>Requests a new key. It is unusable (<see cref="ApiKeyState.PendingApproval"/>) until the platform approves it.</summary>
    /// <param name="permissions">The modules to grant (<c>restrictions</c>); default <see cref="ApiKeyPermissions.All"/>.</param>
    /// <param name="label">An optional label (at most 32 characters).</param>
    /// <param name="ipWhiteList">Client IPs allowed to use the key; empty or null allows any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key with its secret, returned only this once.</returns>
    /// <exception cref="ApiKeysRequestException">The server refused the call or its outcome is unknown (5xx: create is never repeated automatically).</exception>
    public virtual Task<ApiKeysResponse<CreatedApiKey>> CreateApiKeyAsync(ApiKeyPermissions permissions = ApiKeyPermissions.All, string? label = null,
        IEnumerable<string>? ipWhiteList = null, CancellationToken cancellationToken = default)
    {
        if ((permissions & ApiKeyPermissions.All) == ApiKeyPermissions.None)
        {
            throw new ArgumentException("At least one permission is required.", nameof(permissions));
        }
        var form = new Dictionary<string, string> { ["restrictions"] = ApiKeyPermissionNames.Format(permissions) };
        if (label is not null)
        {
            form["label"] = label;
        }
        if (ipWhiteList is not null && string.Join(',', ipWhiteList) is { Length: > 0 } ips)
        {
            form["ipWhiteList"] = ips;
        }
        return Core.SendAsync(HttpMethod.Post, "create", ct => Api.CreateAsync(form, ct), ApiKeysWireMapper.ToCreated, cancellationToken);
    }

    /// <summary>Tells whether a key is usable, with its state and permissions.</summary>
    /// <param name="key">The key, by id or by key string.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key's status.</returns>
    /// <exception cref="ApiKeysRequestException">For example -2008 when the key is unknown or not the caller's.</exception>
    public virtual Task<ApiKeysResponse<ApiKeyStatus>> GetStatusAsync(ApiKeyReference key, CancellationToken cancellationToken = default)
    {
        key.ThrowIfEmpty();
        return Core.SendAsync(HttpMethod.Get, "status", ct => Api.GetStatusAsync(key.ApiId, key.ApiKey, ct), ApiKeysWireMapper.ToStatus, cancellationToken);
    }

    /// <summary>Reads one page of the caller's keys.</summary>
    /// <param name="page">The 1-based page number.</param>
    /// <param name="pageSize">Rows per page (1..100); the options' <see cref="ApiKeysClientOptions.PageSize"/> when omitted.</param>
    /// <param name="state">Only keys in this state, when given.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual Task<ApiKeysResponse<ApiKeyPage>> GetApiKeysPageAsync(int page = 1, int? pageSize = null, ApiKeyState? state = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        var size = pageSize ?? _pageSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(pageSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 100, nameof(pageSize));
        var stateName = state?.ToString();
        return Core.SendAsync(HttpMethod.Get, "list", ct => Api.ListAsync(page, size, stateName, ct), ApiKeysWireMapper.ToPage, cancellationToken);
    }

    /// <summary>Enumerates all of the caller's keys, fetching pages lazily as the enumeration proceeds.</summary>
    /// <param name="state">Only keys in this state, when given.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The keys, page after page.</returns>
    public virtual async IAsyncEnumerable<ApiKeyInfo> GetApiKeysAsync(ApiKeyState? state = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var page = 1;
        while (true)
        {
            var answer = (await GetApiKeysPageAsync(page, _pageSize, state, cancellationToken).ConfigureAwait(false)).Value;
            foreach (var row in answer.Rows)
            {
                yield return row;
            }
            // Stop on a short page or once the reported total is covered: either proves there is no next page.
            if (answer.Rows.Count == 0 || answer.Rows.Count < answer.PageSize || (long)page * answer.PageSize >= answer.Total)
            {
                yield break;
            }
            page++;
        }
    }

    /// <summary>Revokes a key, irreversibly.</summary>
    /// <param name="key">The key, by id or by key string.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key's new status (<see cref="ApiKeyState.Revoked"/>).</returns>
    /// <exception cref="ApiKeysRequestException">The server refused the call or its outcome is unknown (check with <see cref="GetStatusAsync"/>).</exception>
    public virtual Task<ApiKeysResponse<ApiKeyStatus>> RevokeAsync(ApiKeyReference key, CancellationToken cancellationToken = default)
    {
        var form = key.ToForm();
        return Core.SendAsync(HttpMethod.Post, "revoke", ct => Api.RevokeAsync(form, ct), ApiKeysWireMapper.ToStatus, cancellationToken);
    }

    /// <summary>Replaces a key's secret; the old secret stops working at once.</summary>
    /// <param name="key">The key, by id or by key string.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new secret. If it is this client's own key, call <see cref="ApiKeysCredential.Update"/> with it.</returns>
    public virtual Task<ApiKeysResponse<RegeneratedApiKeySecret>> RegenerateSecretAsync(ApiKeyReference key, CancellationToken cancellationToken = default)
    {
        var form = key.ToForm();
        return Core.SendAsync(HttpMethod.Post, "regenerate-secret", ct => Api.RegenerateSecretAsync(form, ct), ApiKeysWireMapper.ToRegenerated,
            cancellationToken);
    }
}
