using BlinkTrade.ApiKeys.Pipeline;
using Polly.Timeout;

namespace BlinkTrade.ApiKeys.Trade;

/// <summary>
/// Runs one REST call of the trade or market-data client through its pipeline and returns the answer's status and
/// body, or throws what a caller can act on: <see cref="BlinkTradeRestException"/> with
/// <see cref="BlinkTradeRestException.IsOutcomeUnknown"/> when no answer arrived (transport failure, attempt timeout).
/// </summary>
internal static class RestCall
{
    public static async Task<RestAnswer> SendAsync(Func<CancellationToken, Task<HttpResponseMessage>> call, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await call(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new BlinkTradeRestException(0, null, "The request failed in transport", null, isOutcomeUnknown: true, innerException: exception);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new BlinkTradeRestException(0, null, "The request timed out", exception.Timeout.ToString(), isOutcomeUnknown: true, innerException: exception);
        }
        using (response)
        {
            // Already buffered inside the pipeline (ApiKeysBufferingHandler): this does not wait on the network.
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new RestAnswer((int)response.StatusCode, body, ApiKeysResilience.ReadRetryAfter(response.Headers, timeProvider));
        }
    }
}
