using System.Net;
using BlinkTrade.Client.Transport;
using BlinkTrade.Testing.Gateway;
using BlinkTrade.Testing.Hosting.Tapi;
using BlinkTrade.Testing.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing.Hosting;

/// <summary>
/// The Kestrel host: WebSocket sessions on <c>/trade/</c> and <c>/</c> plus the REST endpoints (API keys, <c>/tapi/v1/message</c>, public market data); each accepted socket wrapped in a
/// <see cref="WebSocketConnection"/> and run by the same session code as the in-memory transport.
/// </summary>
internal sealed class ExchangeWebHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ExchangeWebHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The HTTP base address, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts listening on <paramref name="endpoint"/> (port 0 picks a free port).</summary>
    public static async Task<ExchangeWebHost> StartAsync(ExchangeRuntime runtime, IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var builder = IsolatedWebApplication.CreateBuilder();
        ExchangeRestSurface.AddServices(builder, runtime);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(endpoint);
            // A connection that never completes its request (the WebSocket upgrade or a REST call) is closed: Kestrel
            // waits KeepAliveTimeout for the first byte of a request and RequestHeadersTimeout for the rest of its headers.
            if (runtime.Options.HandshakeTimeout > TimeSpan.Zero)
            {
                k.Limits.KeepAliveTimeout = runtime.Options.HandshakeTimeout;
                k.Limits.RequestHeadersTimeout = runtime.Options.HandshakeTimeout;
            }
        });
        builder.Services.AddHealthChecks()
            .Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration("exchange", _ => new ExchangeHealthCheck(runtime, readiness: false), null, ["live"]))
            .Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration("sessions", _ => new ExchangeHealthCheck(runtime, readiness: true), null, ["ready"]));
        var app = builder.Build();
        // Probes first, ahead of the WebSocket branches: /healthz (live) and /readyz (ready), 200 or 503.
        app.UseHealthChecks("/healthz", new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        app.UseHealthChecks("/readyz", new HealthCheckOptions { Predicate = r => r.Tags.Contains("ready") });
        // Ahead of the WebSocket middleware, which takes the upgrade feature when a request enters it.
        app.Use((context, next) =>
        {
            if (context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade)
            {
                var lingering = new LingeringUpgradeFeature(upgrade);
                context.Features.Set<IHttpUpgradeFeature>(lingering);
                context.Features.Set(lingering);
            }
            return next(context);
        });
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        RequestDelegate accept = context => AcceptAsync(runtime, context);
        app.Map("/trade/", accept);
        app.Map("/", accept);
        // The same app serves the REST endpoints: API-key management, the trade endpoint, public market data.
        ExchangeRestSurface.Map(app, runtime);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new ExchangeWebHost(app, app.ListeningAddress());
    }

    public ValueTask DisposeAsync() => _app.StopAndDisposeAsync();

    private static async Task AcceptAsync(ExchangeRuntime runtime, HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("BlinkTrade reference exchange: connect with a WebSocket.", context.RequestAborted).ConfigureAwait(false);
            return;
        }
        var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var upgrade = context.Features.Get<LingeringUpgradeFeature>();
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped)
        {
            ip = mapped.MapToIPv4().ToString();
        }
        var remote = $"{ip}:{context.Connection.RemotePort}";
        var connection = new WebSocketConnection(socket, remote, runtime.Options.MaxFrameBytes, upgrade is null ? null : upgrade.DrainUntilPeerClosesAsync);
        // The request stays open for the lifetime of the session.
        await runtime.StartSession(connection, ip).ConfigureAwait(false);
    }
}
