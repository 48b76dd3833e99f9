using BlinkTrade.Testing.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace BlinkTrade.Testing.Hosting.Tapi;

/// <summary>
/// The exchange's REST endpoints (API keys, trade, public market data) on an in-memory <see cref="TestServer"/>: the
/// HTTP counterpart of <see cref="InMemoryExchangeTransport"/>, no sockets.
/// </summary>
internal sealed class InMemoryExchangeHttpHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestServer _server;

    private InMemoryExchangeHttpHost(WebApplication app)
    {
        _app = app;
        _server = app.GetTestServer();
    }

    public static async Task<InMemoryExchangeHttpHost> StartAsync(ExchangeRuntime runtime, CancellationToken cancellationToken)
    {
        var builder = IsolatedWebApplication.CreateBuilder();
        ExchangeRestSurface.AddServices(builder, runtime);
        builder.WebHost.UseTestServer();
        var app = builder.Build();
        ExchangeRestSurface.Map(app, runtime);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new InMemoryExchangeHttpHost(app);
    }

    /// <summary>A handler whose requests appear to come from <paramref name="clientIp"/>.</summary>
    public HttpMessageHandler CreateHandler(string clientIp) => _server.CreateClientHandler(clientIp);

    public ValueTask DisposeAsync() => _app.StopAndDisposeAsync();
}
