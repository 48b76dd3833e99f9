using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using BlinkTrade.ApiKeys.Rest;
using BlinkTrade.ApiKeys.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.Timeout;
using Refit;

namespace BlinkTrade.ApiKeys.Pipeline;

/// <summary>
/// Runs one call of a Refit contract interface (whose HttpClient sends it through resilience → buffering → signing →
/// transport) and turns the answer into a model or an <see cref="ApiKeysRequestException"/>. Shared by the customer
/// and the admin client.
/// </summary>
internal sealed class ApiKeysHttpCore
{
    internal const string UsedWeightHeader = "X-USED-WEIGHT-1M";

    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ApiKeysMetrics _metrics;
    private int _lastUsedWeight = -1;

    public ApiKeysHttpCore(ApiKeysClientOptions options, ILogger? logger)
    {
        _timeProvider = options.TimeProvider;
        _logger = logger ?? NullLogger.Instance;
        _metrics = ApiKeysMetrics.Of(options);
    }

    public int? LastUsedWeight1M => Volatile.Read(ref _lastUsedWeight) is var w and >= 0 ? w : null;

    public async Task<ApiKeysResponse<TModel>> SendAsync<TWire, TModel>(HttpMethod method, string verb,
        Func<CancellationToken, Task<IApiResponse<TWire>>> call, Func<TWire, TModel> map, CancellationToken cancellationToken)
    {
        var path = "/" + ApiKeysPaths.Base + verb;
        IApiResponse<TWire> response;
        try
        {
            response = await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (TransportFailure(exception) is { } failure)
        {
            throw failure;
        }

        using (response)
        {
            if (!response.IsReceived)
            {
                // Refit reports a transport failure in the response when the method returns IApiResponse<T>.
                var error = response.Error ?? throw new ApiKeysRequestException(0, null, "No answer arrived.");
                throw TransportFailure(error.InnerException ?? error) ?? error.InnerException ?? error;
            }

            var status = (int)response.StatusCode;
            var weight = ReadWeight(response.Headers);
            if (weight is { } w)
            {
                Volatile.Write(ref _lastUsedWeight, w);
                _metrics.UsedWeight(w);
            }
            ApiKeysLog.Answered(_logger, method.Method, path, status, weight);

            if (response.IsSuccessStatusCode)
            {
                if (response.Error is { } invalid)
                {
                    throw new ApiKeysRequestException(status, null, "The answer is not valid JSON for this call.", null, weight, JsonCause(invalid));
                }
                if (response.Content is not { } wire)
                {
                    throw new ApiKeysRequestException(status, null, "The answer is empty.", null, weight);
                }
                return new ApiKeysResponse<TModel>(map(wire), status, weight);
            }

            var body = ReadError((response.Error as ApiException)?.Content);
            var retryAfter = ApiKeysResilience.ReadRetryAfter(response.Headers, _timeProvider);
            ApiKeysLog.Failed(_logger, method.Method, path, status, body?.Code);
            throw new ApiKeysRequestException(status, body?.Code, body?.Msg ?? response.ReasonPhrase, retryAfter, weight);
        }
    }

    // Only failures with no answer at all: the request may or may not have reached the server.
    private static ApiKeysRequestException? TransportFailure(Exception exception) => exception switch
    {
        HttpRequestException => new ApiKeysRequestException(0, null, "The request failed in transport; if it reached the server, its outcome is unknown.",
            innerException: exception),
        TimeoutRejectedException => new ApiKeysRequestException(0, null, "The request timed out; its outcome is unknown.", innerException: exception),
        _ => null,
    };

    // The contract's error shape {"code","msg"}, or null for anything else (e.g. a proxy's HTML page): then just the status.
    private static ApiErrorWire? ReadError(string? content)
    {
        if (string.IsNullOrEmpty(content))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(content, ApiKeysJsonContext.Default.ApiErrorWire);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The parser's own complaint, without Refit's wrapper (which holds the live request and its headers).
    private static Exception JsonCause(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is JsonException)
            {
                return e;
            }
        }
        return error.InnerException ?? new JsonException(error.Message);
    }

    private static int? ReadWeight(HttpResponseHeaders headers) =>
        headers.TryGetValues(UsedWeightHeader, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var weight)
            ? weight
            : null;
}
