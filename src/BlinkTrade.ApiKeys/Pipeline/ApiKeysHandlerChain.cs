using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlinkTrade.ApiKeys.Pipeline;

// Builds the same handler chain AddBlinkTradeApiKeys registers on IHttpClientFactory, for apps without dependency injection.
internal static class ApiKeysHandlerChain
{
    // The HttpClient owns the whole chain; a transport the caller passed is wrapped so disposing the chain leaves it alone.
    public static HttpClient CreateHttpClient(ApiKeysClientOptions options, HttpMessageHandler? transport, ILogger? logger) =>
        CreateHttpClient(options, new ApiKeysSigningHandler(options), transport, logger);

    // The same chain with another signing handler (the REST trade endpoint's nonce signature), or none (public data).
    public static HttpClient CreateHttpClient(ApiKeysClientOptions options, DelegatingHandler? signing, HttpMessageHandler? transport, ILogger? logger)
    {
        // Order matters: resilience outside, then buffering (so the attempt timeout covers the body), signing inside,
        // so every attempt is re-signed with a fresh timestamp.
        HttpMessageHandler inner = transport is null ? new SocketsHttpHandler() : new CallerOwnedHandler(transport);
        if (signing is not null)
        {
            signing.InnerHandler = inner;
            inner = signing;
        }
        var buffering = new ApiKeysBufferingHandler { InnerHandler = inner };
        var resilience = new ResilienceHandler(ApiKeysResilience.Build(options, logger ?? NullLogger.Instance)) { InnerHandler = buffering };
        var http = new HttpClient(resilience, disposeHandler: true);
        Configure(http, options);
        return http;
    }

    public static void Configure(HttpClient http, ApiKeysClientOptions options)
    {
        http.BaseAddress = NormalizeEndpoint(options.Endpoint!);
        // The pipeline's per-attempt timeout applies instead; HttpClient's own would cut the whole retry sequence.
        http.Timeout = Timeout.InfiniteTimeSpan;
    }

    // A base address with a path (https://host/prefix/) keeps it: Refit prepends the base path to the routes.
    private static Uri NormalizeEndpoint(Uri endpoint) =>
        endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
}
