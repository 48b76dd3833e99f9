using BlinkTrade.Testing.ApiKeys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing.Hosting.Rest;

/// <summary>
/// The API-key REST endpoints on an in-memory <see cref="TestServer"/>: no sockets, for fast unit tests. Pass
/// <see cref="CreateHandler"/> as the transport of an <c>ApiKeysClient</c>.
/// </summary>
public sealed class ApiKeysRestTestServer : IAsyncDisposable
{
    private readonly ApiKeysRestHost _host;
    private readonly TestServer _server;

    private ApiKeysRestTestServer(ApiKeysRestHost host)
    {
        _host = host;
        _server = host.App.GetTestServer();
    }

    /// <summary>The in-memory server's base address (<c>http://localhost/</c>).</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The key store behind the endpoints.</summary>
    public ApiKeyStore Store => _host.Store;

    /// <summary>The settings in use.</summary>
    public ApiKeysRestOptions Options => _host.Options;

    /// <summary>The per-IP rate limiter.</summary>
    public ApiKeysRateLimiter RateLimiter => _host.RateLimiter;

    /// <summary>The fault-injection hook and request counters.</summary>
    public ApiKeysFaultInjector Faults => _host.Faults;

    /// <summary>Starts an in-memory server.</summary>
    /// <param name="store">The key store.</param>
    /// <param name="options">REST settings; defaults when null.</param>
    /// <param name="loggerProvider">Receives the server's logs, when given.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<ApiKeysRestTestServer> StartAsync(ApiKeyStore store, ApiKeysRestOptions? options = null, ILoggerProvider? loggerProvider = null,
        CancellationToken cancellationToken = default)
    {
        var host = await ApiKeysRestHost.StartAsync(store, options, loggerProvider, builder => builder.WebHost.UseTestServer(), cancellationToken)
            .ConfigureAwait(false);
        return new ApiKeysRestTestServer(host);
    }

    /// <summary>A transport handler reaching this server in memory.</summary>
    /// <param name="clientIp">The remote address requests appear to come from (default 127.0.0.1).</param>
    /// <returns>The handler.</returns>
    public HttpMessageHandler CreateHandler(string? clientIp = null) => _server.CreateClientHandler(clientIp ?? "127.0.0.1");

    /// <summary>Stops the server.</summary>
    /// <returns>A task completing when stopped.</returns>
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
