using System.Diagnostics.CodeAnalysis;
using BlinkTrade.ApiKeys;
using BlinkTrade.ApiKeys.Pipeline;
using BlinkTrade.ApiKeys.Rest;
using BlinkTrade.ApiKeys.Serialization;
using BlinkTrade.Client.DependencyInjection;
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
        => AddClient<IApiKeysApi, ApiKeysClientOptions, ApiKeysClient>(services, configure, static (api, options, logger) => new ApiKeysClient(api, options, logger));

    /// <summary>Registers <see cref="ApiKeysAdminClient"/> the same way, with its own options and HTTP client.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets endpoint, admin credential and policies.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddBlinkTradeApiKeysAdmin(this IServiceCollection services, Action<ApiKeysAdminClientOptions> configure)
        => AddClient<IApiKeysAdminApi, ApiKeysAdminClientOptions, ApiKeysAdminClient>(services, configure,
            static (api, options, logger) => new ApiKeysAdminClient(api, options, logger));

    // Either client: its options bound, the client built (transient) on the Refit client of TApi, that Refit client's chain.
    private static IHttpClientBuilder AddClient<TApi,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TClient>(
        IServiceCollection services, Action<TOptions> configure, Func<TApi, TOptions, ILogger?, TClient> create)
        where TApi : class
        where TOptions : ApiKeysClientOptions
        where TClient : class
    {
        ConfiguredOptions.Add(services, configure);
        services.TryAddTransient(sp => create(sp.GetRequiredService<TApi>(), sp.GetRequiredService<IOptions<TOptions>>().Value, sp.GetService<ILogger<TClient>>()));
        return AddChain<TApi, TOptions>(services, typeof(TClient).FullName!);
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
