using BlinkTrade.Testing.Gateway.Permissions;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;

namespace BlinkTrade.Testing.Gateway.Dispatch;

/// <summary>
/// Routes an inbound message by MsgType after the authorization checks every message goes through: unknown type →
/// ERROR; anonymous session on a non-public type → ERROR Not authorized; API-key session → the PermissionList (§4.1).
/// </summary>
internal sealed class MessageDispatcher(GatewayServices services)
{
    private readonly Dictionary<string, Route> _routes = new(StringComparer.Ordinal);

    public void Map(string msgType, RouteAccess access, MessageHandler handler) => _routes[msgType] = new Route(handler, access);

    public bool IsMapped(string msgType) => _routes.ContainsKey(msgType);

    public ValueTask DispatchAsync(ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        if (!_routes.TryGetValue(message.MsgType, out var route))
        {
            throw new GatewayException(GatewayErrors.InvalidMessage, $"Invalid Message Type ({message.MsgType})");
        }
        if (route.Access == RouteAccess.Authenticated)
        {
            var identity = session.Identity ?? throw GatewayException.NotAuthorized("Login required");
            // A key revoked or disabled after login stops working at once.
            if (identity.ApiKey is { } apiKey && services.ApiKeys.Find(null, apiKey) is not { IsUsable: true })
            {
                throw GatewayException.NotAuthorized("API key is no longer active");
            }
            // The whole tree is parsed only for a session with a PermissionList (a password login has none).
            if (identity.PermissionList is not null && !PermissionEvaluator.IsAllowed(identity.PermissionList, message.MsgType, message.Root))
            {
                throw GatewayException.NotAuthorized($"Permission denied for {message.MsgType}");
            }
        }
        return route.Handler(services, session, message, cancellationToken);
    }
}
