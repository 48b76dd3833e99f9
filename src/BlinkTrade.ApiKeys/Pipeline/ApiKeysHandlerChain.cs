using Microsoft.Extensions.Logging;

namespace BlinkTrade.ApiKeys.Pipeline;

// Builds the same handler chain IHttpClientFactory builds, for apps without dependency injection.
internal static class ApiKeysHandlerChain
{
    public static HttpClient CreateHttpClient(ApiKeysClientOptions options, HttpMessageHandler? transport, ILogger? logger)
    {
        // Order matters: resilience outside, signing inside, so every attempt is re-signed.
        var signing = new ApiKeysSigningHandler(options) { InnerHandler = transport ?? new SocketsHttpHandler() };
        var resilience = new ApiKeysResilienceHandler(options, logger) { InnerHandler = signing };
        return new HttpClient(resilience, disposeHandler: transport is null)
        {
            BaseAddress = NormalizeEndpoint(options.Endpoint!),
            // Polly's per-attempt timeout applies instead; HttpClient's own would cut the whole retry sequence.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    // Relative call paths resolve under the endpoint only when it ends with '/'.
    public static Uri NormalizeEndpoint(Uri endpoint) =>
        endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
}
