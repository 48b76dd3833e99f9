using System.Net;
using BlinkTrade.Testing.ApiKeys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing.Hosting.Rest;

/// <summary>
/// The API-key REST endpoints served by Kestrel on 127.0.0.1 with an ephemeral port: a real HTTP server for
/// end-to-end tests and samples. See <see cref="ApiKeysRestTestServer"/> for the in-memory variant.
/// </summary>
public sealed class ApiKeysRestServer : IAsyncDisposable
{
    private readonly ApiKeysRestHost _host;

    private ApiKeysRestServer(ApiKeysRestHost host, Uri baseAddress)
    {
        _host = host;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The key store behind the endpoints.</summary>
    public ApiKeyStore Store => _host.Store;

    /// <summary>The settings in use.</summary>
    public ApiKeysRestOptions Options => _host.Options;

    /// <summary>The per-IP rate limiter.</summary>
    public ApiKeysRateLimiter RateLimiter => _host.RateLimiter;

    /// <summary>The fault-injection hook and request counters.</summary>
    public ApiKeysFaultInjector Faults => _host.Faults;

    /// <summary>Starts a server.</summary>
    /// <param name="store">The key store (seed it before or after starting).</param>
    /// <param name="options">REST settings; defaults when null.</param>
    /// <param name="loggerProvider">Receives the server's logs, when given.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<ApiKeysRestServer> StartAsync(ApiKeyStore store, ApiKeysRestOptions? options = null, ILoggerProvider? loggerProvider = null,
        CancellationToken cancellationToken = default)
    {
        var host = await ApiKeysRestHost.StartAsync(store, options, loggerProvider,
            builder => builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0)), cancellationToken).ConfigureAwait(false);
        return new ApiKeysRestServer(host, host.App.ListeningAddress());
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task completing when stopped.</returns>
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
