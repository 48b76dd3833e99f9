using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BlinkTrade.Testing.Hosting;

/// <summary>What the package's HTTP hosts (the API-key REST servers, the exchange's in-memory REST host) do alike.</summary>
internal static class WebApplicationExtensions
{
    /// <summary>Stops the application (in-flight requests finish) and releases it: how each host ends.</summary>
    public static async ValueTask StopAndDisposeAsync(this WebApplication app)
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The address a started Kestrel application listens on (its first), ending with <c>/</c> so relative paths append.</summary>
    public static Uri ListeningAddress(this WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>
    /// A handler reaching the in-memory server whose requests appear to come from <paramref name="clientIp"/>: the REST
    /// endpoints' per-IP rate limits and IP allow-lists read the remote address, which a <see cref="TestServer"/> leaves unset.
    /// </summary>
    public static HttpMessageHandler CreateClientHandler(this TestServer server, string clientIp)
    {
        var address = IPAddress.Parse(clientIp);
        return server.CreateHandler(context => context.Connection.RemoteIpAddress = address);
    }
}
