using System.Text.Json;
using BlinkTrade.ApiKeys.Pipeline;
using BlinkTrade.ApiKeys.Rest;
using BlinkTrade.ApiKeys.Trade;
using BlinkTrade.Client.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlinkTrade.ApiKeys;

/// <summary>
/// The exchange's public, read-only REST market data (PROTOCOL.md §2.11): ticker, order book and trades of a pair,
/// <c>GET /api/v1/&lt;QUOTE&gt;/{ticker|orderbook|trades}?crypto_currency=…</c>. The exchange sends decimal floats; they
/// are read as decimals (never through binary floating point) into <see cref="Price"/>, <see cref="Quantity"/> and
/// <see cref="Amount"/>. No key is needed. Calls are GETs, retried after 5xx, timeouts and transport errors.
/// </summary>
public class BlinkTradeMarketDataClient : BlinkTradeRestClientBase
{
    private readonly IPublicMarketDataApi? _api;
    private readonly TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>For mocking: every call throws.</summary>
    protected BlinkTradeMarketDataClient()
    {
    }

    /// <summary>Creates a client with its own handler chain (for apps without dependency injection); dispose it when done.</summary>
    /// <param name="options">Endpoint and policies (no credential needed); read once.</param>
    /// <param name="transport">The innermost handler, left to the caller to dispose; a <see cref="SocketsHttpHandler"/> when omitted.</param>
    /// <param name="loggerFactory">Where retries are logged.</param>
    public BlinkTradeMarketDataClient(BlinkTradeRestOptions options, HttpMessageHandler? transport = null, ILoggerFactory? loggerFactory = null)
        : base(CreateHttp(options, transport, loggerFactory))
    {
        _timeProvider = options.TimeProvider;
        _api = ApiKeysRefit.For<IPublicMarketDataApi>(OwnedHttp!);
    }

    /// <summary>Creates a client on an <see cref="HttpClient"/> whose handlers already retry (as <c>AddBlinkTradeMarketData</c> configures one).</summary>
    /// <param name="httpClient">The configured client, with its base address; it stays the caller's to dispose.</param>
    /// <param name="options">The options.</param>
    [ActivatorUtilitiesConstructor]
    public BlinkTradeMarketDataClient(HttpClient httpClient, IOptions<BlinkTradeRestOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = options.Value.TimeProvider;
        _api = ApiKeysRefit.For<IPublicMarketDataApi>(httpClient);
    }

    private IPublicMarketDataApi Api => Live(_api);

    /// <summary>Reads the ticker of a pair.</summary>
    /// <param name="quoteCurrency">The quote currency, e.g. <c>USD</c>.</param>
    /// <param name="cryptoCurrency">The base currency (default <c>BTC</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ticker.</returns>
    /// <exception cref="BlinkTradeRestException">The pair is unknown (404) or the call failed.</exception>
    public virtual Task<PublicTicker> GetTickerAsync(string quoteCurrency, string cryptoCurrency = "BTC", CancellationToken cancellationToken = default) =>
        GetPairAsync(quoteCurrency, cryptoCurrency, (api, ct) => api.GetTickerAsync(quoteCurrency, cryptoCurrency, ct), root => new PublicTicker
        {
            Pair = root.GetProperty("pair").GetString() ?? string.Empty,
            High = Price.FromDecimal(root.GetProperty("high").GetDecimal()),
            Low = Price.FromDecimal(root.GetProperty("low").GetDecimal()),
            Last = Price.FromDecimal(root.GetProperty("last").GetDecimal()),
            BaseVolume = Quantity.FromDecimal(root.GetProperty("vol").GetDecimal()),
            QuoteVolume = Amount.FromDecimal(root.GetProperty("vol_" + quoteCurrency.ToLowerInvariant()).GetDecimal()),
            BestBid = Price.FromDecimal(root.GetProperty("buy").GetDecimal()),
            BestAsk = Price.FromDecimal(root.GetProperty("sell").GetDecimal()),
        }, cancellationToken);

    /// <summary>Reads the order book of a pair (at most 100 orders per side).</summary>
    /// <param name="quoteCurrency">The quote currency, e.g. <c>USD</c>.</param>
    /// <param name="cryptoCurrency">The base currency (default <c>BTC</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The book.</returns>
    /// <exception cref="BlinkTradeRestException">The pair is unknown (404) or the call failed.</exception>
    public virtual Task<PublicOrderBook> GetOrderBookAsync(string quoteCurrency, string cryptoCurrency = "BTC", CancellationToken cancellationToken = default) =>
        GetPairAsync(quoteCurrency, cryptoCurrency, (api, ct) => api.GetOrderBookAsync(quoteCurrency, cryptoCurrency, ct), static root => new PublicOrderBook
        {
            Pair = root.GetProperty("pair").GetString() ?? string.Empty,
            Bids = ReadSide(root.GetProperty("bids")),
            Asks = ReadSide(root.GetProperty("asks")),
        }, cancellationToken);

    /// <summary>Reads trades of a pair, oldest first.</summary>
    /// <param name="quoteCurrency">The quote currency, e.g. <c>USD</c>.</param>
    /// <param name="cryptoCurrency">The base currency (default <c>BTC</c>).</param>
    /// <param name="since">Only trades after this trade id (or, above 1e9, this unix time in seconds); the latest trades when null.</param>
    /// <param name="limit">At most this many trades (the exchange's default when null).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The trades.</returns>
    /// <exception cref="BlinkTradeRestException">The pair is unknown (404), a parameter is invalid (400) or the call failed.</exception>
    public virtual Task<IReadOnlyList<PublicTrade>> GetTradesAsync(string quoteCurrency, string cryptoCurrency = "BTC", long? since = null, int? limit = null,
        CancellationToken cancellationToken = default) =>
        GetPairAsync(quoteCurrency, cryptoCurrency, (api, ct) => api.GetTradesAsync(quoteCurrency, cryptoCurrency, since, limit, ct), ReadTrades, cancellationToken);

    private static IReadOnlyList<PublicTrade> ReadTrades(JsonElement root)
    {
        var trades = new List<PublicTrade>();
        foreach (var row in root.EnumerateArray())
        {
            trades.Add(new PublicTrade(
                row.GetProperty("tid").GetInt64(),
                DateTimeOffset.FromUnixTimeSeconds(row.GetProperty("date").GetInt64()),
                Price.FromDecimal(row.GetProperty("price").GetDecimal()),
                Quantity.FromDecimal(row.GetProperty("amount").GetDecimal()),
                row.GetProperty("side").GetString() == "buy" ? Side.Buy : Side.Sell));
        }
        return trades;
    }


    // The chain resilience → buffering → transport (the endpoints are public: nothing to sign).
    private static HttpClient CreateHttp(BlinkTradeRestOptions options, HttpMessageHandler? transport, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pipeline = options.ToPipelineOptions(requireCredential: false);
        return ApiKeysHandlerChain.CreateHttpClient(pipeline, signing: null, transport, loggerFactory?.CreateLogger<BlinkTradeMarketDataClient>());
    }

    private static List<PublicBookEntry> ReadSide(JsonElement side)
    {
        var entries = new List<PublicBookEntry>();
        foreach (var row in side.EnumerateArray())
        {
            entries.Add(new PublicBookEntry(Price.FromDecimal(row[0].GetDecimal()), Quantity.FromDecimal(row[1].GetDecimal()), row[2].GetInt64()));
        }
        return entries;
    }

    // One public endpoint of a pair: both currencies checked, the answer read while its JSON is alive.
    private async Task<T> GetPairAsync<T>(string quoteCurrency, string cryptoCurrency, Func<IPublicMarketDataApi, CancellationToken, Task<HttpResponseMessage>> call,
        Func<JsonElement, T> read, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(quoteCurrency);
        ArgumentException.ThrowIfNullOrWhiteSpace(cryptoCurrency);
        var api = Api;
        using var document = await GetAsync(ct => call(api, ct), cancellationToken).ConfigureAwait(false);
        return read(document.RootElement);
    }

    // The answer as JSON, or the failure as a BlinkTradeRestException (with the exchange's Description/Detail when given).
    private async Task<JsonDocument> GetAsync(Func<CancellationToken, Task<HttpResponseMessage>> call, CancellationToken cancellationToken)
    {
        var answer = await RestCall.SendAsync(call, _timeProvider, cancellationToken).ConfigureAwait(false);
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(answer.Body);
        }
        catch (JsonException exception)
        {
            throw new BlinkTradeRestException(answer.HttpStatus, null, "The answer is not JSON", null, answer.HttpStatus >= 500, answer.RetryAfter, exception);
        }
        if (answer.IsSuccess)
        {
            return document;
        }
        using (document)
        {
            var envelope = TapiEnvelope.TryRead(answer.Body);
            throw new BlinkTradeRestException(answer.HttpStatus, envelope?.Status, envelope?.Description, envelope?.Detail, answer.HttpStatus >= 500, answer.RetryAfter);
        }
    }
}
