using BlinkTrade.ApiKeys;
using BlinkTrade.ApiKeys.Pipeline;
using BlinkTrade.Client.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// In the DI namespace so the extensions show up next to services.AddHttpClient.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="BlinkTradeRestClient"/> (the REST trade endpoint) and <see cref="BlinkTradeMarketDataClient"/>
/// (the public market data) as typed clients of <see cref="IHttpClientFactory"/>, with the same resilience pipeline as
/// the API-key clients. Both read the one <see cref="BlinkTradeRestOptions"/>.
/// </summary>
public static class BlinkTradeRestServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BlinkTradeRestClient"/> on an <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/>:
    /// resilience outside, then buffering, then the nonce signing handler, so every attempt carries a fresh nonce.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets endpoint, credential and policies.</param>
    /// <returns>The HTTP client builder, e.g. to set the primary handler.</returns>
    public static IHttpClientBuilder AddBlinkTradeRest(this IServiceCollection services, Action<BlinkTradeRestOptions> configure)
    {
        ConfiguredOptions.Add(services, configure);
        return AddPipeline(services.AddHttpClient<BlinkTradeRestClient>(), requireCredential: true)
            .AddHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<BlinkTradeRestOptions>>().Value;
                return new TapiSigningHandler(options.Credential!, options.TimeProvider);
            });
    }

    /// <summary>Registers <see cref="BlinkTradeMarketDataClient"/> the same way (no signing: the endpoints are public).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets endpoint and policies.</param>
    /// <returns>The HTTP client builder.</returns>
    public static IHttpClientBuilder AddBlinkTradeMarketData(this IServiceCollection services, Action<BlinkTradeRestOptions> configure)
    {
        ConfiguredOptions.Add(services, configure);
        return AddPipeline(services.AddHttpClient<BlinkTradeMarketDataClient>(), requireCredential: false);
    }

    // The handler order ApiKeysHandlerChain builds without DI: resilience → buffering (→ signing, added by the caller).
    private static IHttpClientBuilder AddPipeline(IHttpClientBuilder client, bool requireCredential)
    {
        client.ConfigureHttpClient((sp, http) =>
            ApiKeysHandlerChain.Configure(http, sp.GetRequiredService<IOptions<BlinkTradeRestOptions>>().Value.ToPipelineOptions(requireCredential)));
        client.AddResilienceHandler(ApiKeysResilience.PipelineName, (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<BlinkTradeRestOptions>>().Value.ToPipelineOptions(requireCredential);
            options.MeterFactory = context.ServiceProvider.GetService<System.Diagnostics.Metrics.IMeterFactory>(); // the package's meter from the container
            ApiKeysResilience.Configure(builder, options, (context.ServiceProvider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(client.Name));
        });
        return client.AddHttpMessageHandler(() => new ApiKeysBufferingHandler());
    }
}
