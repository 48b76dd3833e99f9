using System.Globalization;

namespace BlinkTrade.ApiKeys.Pipeline;

/// <summary>
/// Adds the key header, <c>recvWindow</c>, a fresh <c>timestamp</c> and the HMAC-SHA256 <c>signature</c> to every
/// attempt. It sits inside the retry handler, so a retry after a long <c>Retry-After</c> is re-signed with a new
/// timestamp instead of failing with -1021.
/// </summary>
internal sealed class ApiKeysSigningHandler : DelegatingHandler
{
    // The query as the caller built it, before any signing; re-signing always starts from it.
    private static readonly HttpRequestOptionsKey<string> s_unsignedQuery = new("BlinkTrade.ApiKeys.UnsignedQuery");

    private readonly ApiKeysClientOptions _options;

    public ApiKeysSigningHandler(ApiKeysClientOptions options)
    {
        _options = options;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        if (!request.Options.TryGetValue(s_unsignedQuery, out var query))
        {
            query = uri.Query.TrimStart('?');
            request.Options.Set(s_unsignedQuery, query);
        }

        var credential = _options.Credential ?? throw new InvalidOperationException("No credential is configured.");
        var (apiKey, secretKey) = credential.Read();
        var timestamp = credential.NextTimestamp(_options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        var recvWindow = (long)_options.RecvWindow.TotalMilliseconds;
        var withTime = (query.Length > 0 ? query + "&" : string.Empty)
            + string.Create(CultureInfo.InvariantCulture, $"recvWindow={recvWindow}&timestamp={timestamp}");

        // Sign the query exactly as it will travel (after System.Uri's own escaping), followed by the raw body.
        var left = uri.GetLeftPart(UriPartial.Path);
        var unsigned = new Uri(left + "?" + withTime);
        var wireQuery = unsigned.Query.TrimStart('?');
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var signature = ApiKeysSignature.Compute(secretKey, wireQuery, body);

        request.RequestUri = new Uri(left + "?" + wireQuery + "&signature=" + signature);
        request.Headers.Remove(_options.ApiKeyHeaderName);
        request.Headers.TryAddWithoutValidation(_options.ApiKeyHeaderName, apiKey);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
