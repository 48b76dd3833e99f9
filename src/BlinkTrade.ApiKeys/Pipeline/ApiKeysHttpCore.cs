using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BlinkTrade.ApiKeys.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.Timeout;

namespace BlinkTrade.ApiKeys.Pipeline;

/// <summary>
/// Sends one contract call through the (resilience → signing → transport) handler chain and turns the answer into
/// a model or an <see cref="ApiKeysRequestException"/>. Shared by the customer and the admin client.
/// </summary>
internal sealed class ApiKeysHttpCore
{
    internal const string BasePath = "api/v1/apikey/";
    internal const string UsedWeightHeader = "X-USED-WEIGHT-1M";

    private readonly HttpClient _http;
    private readonly ApiKeysClientOptions _options;
    private readonly ILogger _logger;
    private int _lastUsedWeight = -1;

    public ApiKeysHttpCore(HttpClient http, ApiKeysClientOptions options, ILogger? logger)
    {
        _http = http;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    public int? LastUsedWeight1M => Volatile.Read(ref _lastUsedWeight) is var w and >= 0 ? w : null;

    public async Task<ApiKeysResponse<TModel>> SendAsync<TWire, TModel>(HttpMethod method, string verb, List<KeyValuePair<string, string>> parameters,
        JsonTypeInfo<TWire> typeInfo, Func<TWire, TModel> map, CancellationToken cancellationToken)
    {
        var uri = BuildUri(verb, method == HttpMethod.Get ? parameters : []);
        using var request = new HttpRequestMessage(method, uri);
        if (method != HttpMethod.Get)
        {
            // Always a (possibly empty) form body: the signature covers query + body.
            request.Content = new FormUrlEncodedContent(parameters);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new ApiKeysRequestException(0, null, "The request failed in transport; if it reached the server, its outcome is unknown.", innerException: exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new ApiKeysRequestException(0, null, "The request timed out; its outcome is unknown.", innerException: exception);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var weight = ReadWeight(response);
            if (weight is { } w)
            {
                Volatile.Write(ref _lastUsedWeight, w);
            }
            ApiKeysLog.Answered(_logger, method.Method, "/" + BasePath + verb, status, weight);

            if (response.IsSuccessStatusCode)
            {
                TWire? wire;
                try
                {
                    wire = await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken).ConfigureAwait(false);
                }
                catch (JsonException exception)
                {
                    throw new ApiKeysRequestException(status, null, "The answer is not valid JSON for this call.", null, weight, exception);
                }
                if (wire is null)
                {
                    throw new ApiKeysRequestException(status, null, "The answer is empty.", null, weight);
                }
                return new ApiKeysResponse<TModel>(map(wire), status, weight);
            }

            ApiErrorWire? error = null;
            try
            {
                error = await response.Content.ReadFromJsonAsync(ApiKeysJsonContext.Default.ApiErrorWire, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                // Not the contract's error shape (e.g. a proxy's HTML page): keep just the status.
            }
            var retryAfter = ApiKeysResilienceHandler.ReadRetryAfter(response, _options.TimeProvider);
            ApiKeysLog.Failed(_logger, method.Method, "/" + BasePath + verb, status, error?.Code);
            throw new ApiKeysRequestException(status, error?.Code, error?.Msg ?? response.ReasonPhrase, retryAfter, weight);
        }
    }

    private static Uri BuildUri(string verb, List<KeyValuePair<string, string>> query)
    {
        if (query.Count == 0)
        {
            return new Uri(BasePath + verb, UriKind.Relative);
        }
        var builder = new StringBuilder(BasePath).Append(verb).Append('?');
        for (var i = 0; i < query.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('&');
            }
            builder.Append(Uri.EscapeDataString(query[i].Key)).Append('=').Append(Uri.EscapeDataString(query[i].Value));
        }
        return new Uri(builder.ToString(), UriKind.Relative);
    }

    private static int? ReadWeight(HttpResponseMessage response) =>
        response.Headers.TryGetValues(UsedWeightHeader, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var weight)
            ? weight
            : null;
}
