using System.Diagnostics.CodeAnalysis;
using BlinkTrade.ApiKeys;
using BlinkTrade.ApiKeys.Pipeline;
using BlinkTrade.ApiKeys.Rest;
using BlinkTrade.ApiKeys.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Refit;

// In the DI namespace so the extension shows up next to services.AddHttpClient.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ApiKeysClient"/> and <see cref="ApiKeysAdminClient"/> on Refit clients from <see cref="IHttpClientFactory"/>.</summary>
public static class ApiKeysServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ApiKeysClient"/> over the build-time generated Refit client of the REST contract, on
    /// <see cref="IHttpClientFactory"/> with the resilience and signing handlers (resilience outside, signing inside,
    /// so every attempt is re-signed).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets endpoint, credential and policies.</param>
    /// <returns>The HTTP client builder, e.g. to set the primary handler.</returns>
    public static IHttpClientBuilder AddBlinkTradeApiKeys(this IServiceCollection services, Action<ApiKeysClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ApiKeysClientOptions>().Configure(configure);
        services.TryAddTransient(sp => new ApiKeysClient(sp.GetRequiredService<IApiKeysApi>(), sp.GetRequiredService<IOptions<ApiKeysClientOptions>>().Value,
            sp.GetService<ILogger<ApiKeysClient>>()));
        return AddChain<IApiKeysApi, ApiKeysClientOptions>(services, typeof(ApiKeysClient).FullName!);
    }

    /// <summary>Registers <see cref="ApiKeysAdminClient"/> the same way, with its own options and HTTP client.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets endpoint, admin credential and policies.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddBlinkTradeApiKeysAdmin(this IServiceCollection services, Action<ApiKeysAdminClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ApiKeysAdminClientOptions>().Configure(configure);
        services.TryAddTransient(sp => new ApiKeysAdminClient(sp.GetRequiredService<IApiKeysAdminApi>(),
            sp.GetRequiredService<IOptions<ApiKeysAdminClientOptions>>().Value, sp.GetService<ILogger<ApiKeysAdminClient>>()));
        return AddChain<IApiKeysAdminApi, ApiKeysAdminClientOptions>(services, typeof(ApiKeysAdminClient).FullName!);
    }

    // AddRefitGeneratedClient is AddRefitClient's generated-only form (the reflection-based AddRefitClient is
    // [RequiresUnreferencedCode]); the handler order is the one ApiKeysHandlerChain builds without DI.
    private static IHttpClientBuilder AddChain<TApi,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceCollection services, string logCategory)
        where TApi : class
        where TOptions : ApiKeysClientOptions
    {
        var client = services
            .AddRefitGeneratedClient<TApi>(ApiKeysJsonContext.Default, _ => ApiKeysRefit.CreateSettings())
            .ConfigureHttpClient((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
                options.MeterFactory ??= sp.GetService<System.Diagnostics.Metrics.IMeterFactory>();
                options.Validate();
                ApiKeysHandlerChain.Configure(http, options);
            });
        client.AddResilienceHandler(ApiKeysResilience.PipelineName, (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value;
            options.MeterFactory ??= context.ServiceProvider.GetService<System.Diagnostics.Metrics.IMeterFactory>(); // before the meter is made
            ApiKeysResilience.Configure(builder, options, (context.ServiceProvider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(logCategory));
        });
        return client
            .AddHttpMessageHandler(() => new ApiKeysBufferingHandler())
            .AddHttpMessageHandler(sp => new ApiKeysSigningHandler(sp.GetRequiredService<IOptions<TOptions>>().Value));
    }
}
