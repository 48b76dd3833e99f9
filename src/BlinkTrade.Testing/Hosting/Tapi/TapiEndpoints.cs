using BlinkTrade.Testing.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BlinkTrade.Testing.Hosting.Tapi;

/// <summary>Maps the exchange's protocol REST surface: the trade endpoint (§4.4) and the public market data (§2.11).</summary>
internal static class TapiEndpoints
{
    /// <summary>The trade endpoint's path.</summary>
    public const string MessagePath = "/tapi/v1/message";

    public static void MapBlinkTradeTapi(this IEndpointRouteBuilder endpoints, ExchangeRuntime runtime)
    {
        var trade = new TapiHandler(runtime);
        var market = new PublicMarketDataHandler(runtime);
        // Plain RequestDelegates: no reflection-based parameter binding.
        endpoints.MapPost(MessagePath, (RequestDelegate)trade.HandleAsync);
        endpoints.MapGet("/api/v1/{quote}/ticker", (RequestDelegate)market.TickerAsync);
        endpoints.MapGet("/api/v1/{quote}/orderbook", (RequestDelegate)market.OrderBookAsync);
        endpoints.MapGet("/api/v1/{quote}/trades", (RequestDelegate)market.TradesAsync);
    }
}
