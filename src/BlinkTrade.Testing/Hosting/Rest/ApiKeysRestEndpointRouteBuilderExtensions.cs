using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BlinkTrade.Testing.Hosting.Rest;

/// <summary>Maps the API-key REST endpoints onto any ASP.NET Core endpoint builder (the stand-alone hosts here, or a combined WebSocket + REST host).</summary>
public static class ApiKeysRestEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>create, status, list, revoke, regenerate-secret, approve, reject, disable, enable</c> under
    /// <see cref="ApiKeysRestOptions.RoutePrefix"/>. Requires <see cref="ApiKeysRestServiceCollectionExtensions.AddBlinkTradeApiKeysRest"/>.
    /// </summary>
    /// <param name="endpoints">The endpoint builder.</param>
    /// <returns>The route group, for further conventions.</returns>
    public static RouteGroupBuilder MapBlinkTradeApiKeys(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handler = endpoints.ServiceProvider.GetRequiredService<ApiKeysRestHandler>();
        var options = endpoints.ServiceProvider.GetRequiredService<ApiKeysRestOptions>();
        var group = endpoints.MapGroup(options.RoutePrefix);
        foreach (var endpoint in handler.Endpoints)
        {
            // A plain RequestDelegate: no reflection-based parameter binding.
            RequestDelegate run = context => handler.HandleAsync(context, endpoint);
            group.MapMethods("/" + endpoint.Verb, [endpoint.Method], run);
        }
        return group;
    }
}
