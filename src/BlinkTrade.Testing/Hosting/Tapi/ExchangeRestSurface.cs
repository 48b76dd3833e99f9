using BlinkTrade.Testing.Gateway;
using BlinkTrade.Testing.Hosting.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing.Hosting.Tapi;

// Every REST endpoint an exchange serves — API-key management, the trade endpoint, public market data — set up the
// same way by the Kestrel host and by the in-memory HTTP host.
internal static class ExchangeRestSurface
{
    public static void AddServices(WebApplicationBuilder builder, ExchangeRuntime runtime)
    {
        builder.Logging.ClearProviders();
        if (runtime.Options.LoggerFactory is { } loggerFactory)
        {
            builder.Logging.AddProvider(new ForwardingLoggerProvider(loggerFactory));
        }
        // The API-key REST endpoints run over the same store as U50–U55.
        builder.Services.AddBlinkTradeApiKeysRest(runtime.ApiKeys, new ApiKeysRestOptions { TimeProvider = runtime.TimeProvider });
    }

    public static void Map(WebApplication app, ExchangeRuntime runtime)
    {
        app.MapBlinkTradeApiKeys();
        app.MapBlinkTradeTapi(runtime);
    }
}
