using BlinkTrade.Testing.ApiKeys;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing.Hosting.Rest;

// The one application both stand-alone hosts (Kestrel loopback and in-memory TestServer) run.
internal static class ApiKeysRestApplication
{
    public static WebApplication Build(ApiKeyStore store, ApiKeysRestOptions options, ILoggerProvider? loggerProvider, Action<WebApplicationBuilder> configureHost)
    {
        var builder = IsolatedWebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        if (loggerProvider is not null)
        {
            builder.Logging.AddProvider(loggerProvider);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        }
        builder.Services.AddBlinkTradeApiKeysRest(store, options);
        configureHost(builder);
        var app = builder.Build();
        app.MapBlinkTradeApiKeys();
        return app;
    }
}
