using BlinkTrade.Testing.ApiKeys;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing.Hosting.Rest;

/// <summary>
/// The running API-key REST application behind <see cref="ApiKeysRestServer"/> (Kestrel) and
/// <see cref="ApiKeysRestTestServer"/> (in memory): started the same way, showing the same services, stopped the same way;
/// only the server under it differs.
/// </summary>
internal sealed class ApiKeysRestHost : IAsyncDisposable
{
    private ApiKeysRestHost(WebApplication app)
    {
        App = app;
        Store = app.Services.GetRequiredService<ApiKeyStore>();
        Options = app.Services.GetRequiredService<ApiKeysRestOptions>();
        RateLimiter = app.Services.GetRequiredService<ApiKeysRateLimiter>();
        Faults = app.Services.GetRequiredService<ApiKeysFaultInjector>();
    }

    public WebApplication App { get; }

    public ApiKeyStore Store { get; }

    public ApiKeysRestOptions Options { get; }

    public ApiKeysRateLimiter RateLimiter { get; }

    public ApiKeysFaultInjector Faults { get; }

    /// <summary>Builds the application on the server <paramref name="configureHost"/> chooses and starts it.</summary>
    public static async Task<ApiKeysRestHost> StartAsync(ApiKeyStore store, ApiKeysRestOptions? options, ILoggerProvider? loggerProvider,
        Action<WebApplicationBuilder> configureHost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var app = ApiKeysRestApplication.Build(store, options ?? new ApiKeysRestOptions(), loggerProvider, configureHost);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new ApiKeysRestHost(app);
    }

    public ValueTask DisposeAsync() => App.StopAndDisposeAsync();
}
