using Refit;

namespace BlinkTrade.ApiKeys.Rest;

/// <summary>The exchange's public, read-only REST market data (PROTOCOL.md §2.11) as a Refit interface, implemented at build time.</summary>
internal interface IPublicMarketDataApi
{
    [Get("/api/v1/{quote}/ticker")]
    Task<HttpResponseMessage> GetTickerAsync(string quote, [AliasAs("crypto_currency")] string cryptoCurrency, CancellationToken cancellationToken);

    [Get("/api/v1/{quote}/orderbook")]
    Task<HttpResponseMessage> GetOrderBookAsync(string quote, [AliasAs("crypto_currency")] string cryptoCurrency, CancellationToken cancellationToken);

    [Get("/api/v1/{quote}/trades")]
    Task<HttpResponseMessage> GetTradesAsync(string quote, [AliasAs("crypto_currency")] string cryptoCurrency, [AliasAs("since")] long? since,
        [AliasAs("limit")] int? limit, CancellationToken cancellationToken);
}
