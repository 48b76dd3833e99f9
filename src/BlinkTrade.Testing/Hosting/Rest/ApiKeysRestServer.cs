using System.Net;
using BlinkTrade.Testing.ApiKeys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing.Hosting.Rest;

/// <summary>
/// The API-key REST endpoints served by Kestrel on 127.0.0.1 with an ephemeral port: a real HTTP server for
/// end-to-end tests and samples. See <see cref="ApiKeysRestTestServer"/> for the in-memory variant.
/// </summary>
public sealed class ApiKeysRestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiKeysRestServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Store = app.Services.GetRequiredService<ApiKeyStore>();
        Options = app.Services.GetRequiredService<ApiKeysRestOptions>();
        RateLimiter = app.Services.GetRequiredService<ApiKeysRateLimiter>();
        Faults = app.Services.GetRequiredService<ApiKeysFaultInjector>();
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The key store behind the endpoints.</summary>
    public ApiKeyStore Store { get; }

    /// <summary>The settings in use.</summary>
    public ApiKeysRestOptions Options { get; }

    /// <summary>The per-IP rate limiter.</summary>
    public ApiKeysRateLimiter RateLimiter { get; }

    /// <summary>The fault-injection hook and request counters.</summary>
    public ApiKeysFaultInjector Faults { get; }

    /// <summary>Starts a server.</summary>
    /// <param name="store">The key store (seed it before or after starting).</param>
    /// <param name="options">REST settings; defaults when null.</param>
    /// <param name="loggerProvider">Receives the server's logs, when given.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<ApiKeysRestServer> StartAsync(ApiKeyStore store, ApiKeysRestOptions? options = null, ILoggerProvider? loggerProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var app = ApiKeysRestApplication.Build(store, options ?? new ApiKeysRestOptions(), loggerProvider,
            builder => builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0)));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new ApiKeysRestServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task completing when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
