using System.Diagnostics.CodeAnalysis;
using BlinkTrade.ApiKeys;
using BlinkTrade.ApiKeys.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// In the DI namespace so the extension shows up next to services.AddHttpClient.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ApiKeysClient"/> and <see cref="ApiKeysAdminClient"/> as typed HTTP clients.</summary>
public static class ApiKeysServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ApiKeysClient"/> on <see cref="IHttpClientFactory"/> with the signing and resilience
    /// handlers (resilience outside, signing inside, so every attempt is re-signed).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets endpoint, credential and policies.</param>
    /// <returns>The client builder, e.g. to set the primary handler.</returns>
    public static IHttpClientBuilder AddBlinkTradeApiKeys(this IServiceCollection services, Action<ApiKeysClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ApiKeysClientOptions>().Configure(configure);
        return AddChain<ApiKeysClient, ApiKeysClientOptions>(services);
    }

    /// <summary>Registers <see cref="ApiKeysAdminClient"/> the same way, with its own options.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets endpoint, admin credential and policies.</param>
    /// <returns>The client builder.</returns>
    public static IHttpClientBuilder AddBlinkTradeApiKeysAdmin(this IServiceCollection services, Action<ApiKeysAdminClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ApiKeysAdminClientOptions>().Configure(configure);
        return AddChain<ApiKeysAdminClient, ApiKeysAdminClientOptions>(services);
    }

    private static IHttpClientBuilder AddChain<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceCollection services)
        where TClient : class
        where TOptions : ApiKeysClientOptions
    {
        return services
            .AddHttpClient<TClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
                options.Validate();
                http.BaseAddress = ApiKeysHandlerChain.NormalizeEndpoint(options.Endpoint!);
                // Polly's per-attempt timeout applies; HttpClient's own would cut the whole retry sequence.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(sp => new ApiKeysResilienceHandler(
                sp.GetRequiredService<IOptions<TOptions>>().Value,
                sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(TClient).FullName!)))
            .AddHttpMessageHandler(sp => new ApiKeysSigningHandler(sp.GetRequiredService<IOptions<TOptions>>().Value));
    }
}
