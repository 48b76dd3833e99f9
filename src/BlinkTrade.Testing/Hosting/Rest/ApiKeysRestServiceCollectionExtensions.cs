using BlinkTrade.Testing.ApiKeys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing.Hosting.Rest;

/// <summary>Registers what <see cref="ApiKeysRestEndpointRouteBuilderExtensions.MapBlinkTradeApiKeys"/> needs.</summary>
public static class ApiKeysRestServiceCollectionExtensions
{
    /// <summary>
    /// Registers the API-key REST services over <paramref name="store"/> (shared with the WebSocket gateway when
    /// both run in one host): options, <see cref="ApiKeysRateLimiter"/>, <see cref="ApiKeysFaultInjector"/>.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="store">The key store.</param>
    /// <param name="options">REST settings; defaults when null.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddBlinkTradeApiKeysRest(this IServiceCollection services, ApiKeyStore store, ApiKeysRestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(store);
        var settings = options ?? new ApiKeysRestOptions();
        var limiter = new ApiKeysRateLimiter(settings, settings.TimeProvider ?? store.TimeProvider);
        services.AddSingleton(store);
        services.AddSingleton(settings);
        services.AddSingleton(limiter);
        services.AddSingleton(new ApiKeysFaultInjector());
        services.AddSingleton(sp => new ApiKeysRestHandler(
            sp.GetRequiredService<ApiKeyStore>(),
            sp.GetRequiredService<ApiKeysRestOptions>(),
            sp.GetRequiredService<ApiKeysRateLimiter>(),
            sp.GetRequiredService<ApiKeysFaultInjector>(),
            sp.GetRequiredService<ILogger<ApiKeysRestHandler>>()));
        return services;
    }
}
