using BlinkTrade.Testing.Gateway.Dispatch;

namespace BlinkTrade.Testing.Gateway.Handlers;

/// <summary>
/// The MsgType → handler table. Public types are those an anonymous session may send (heartbeat, login, signup,
/// password reset, market data, security list/status); everything else needs a login and, for API-key sessions,
/// passes the PermissionList first (§4.1, §5 G21).
/// </summary>
internal static partial class HandlerCatalog
{
    public static void MapAll(MessageDispatcher dispatcher)
    {
        // Session (BE checks login/permissions per UserReqTyp itself: login is public, logout/change password are not).
        dispatcher.Map("1", RouteAccess.Public, SessionHandlers.HeartbeatAsync);
        dispatcher.Map("0", RouteAccess.Public, SessionHandlers.HeartbeatAsync);
        dispatcher.Map("BE", RouteAccess.Public, SessionHandlers.UserRequestAsync);
        dispatcher.Map("U0", RouteAccess.Public, SessionHandlers.SignupAsync);
        dispatcher.Map("U10", RouteAccess.Public, SessionHandlers.CreatePasswordResetAsync);
        dispatcher.Map("U12", RouteAccess.Public, SessionHandlers.ProcessPasswordResetAsync);
        dispatcher.Map("U16", RouteAccess.Authenticated, SessionHandlers.TwoFactorAsync);
        dispatcher.Map("U50", RouteAccess.Authenticated, ApiKeyHandlers.ListAsync);
        dispatcher.Map("U52", RouteAccess.Authenticated, ApiKeyHandlers.CreateAsync);
        dispatcher.Map("U54", RouteAccess.Authenticated, ApiKeyHandlers.RevokeAsync);
        dispatcher.Map("U38", RouteAccess.Authenticated, ProfileHandlers.UpdateProfileAsync);
        dispatcher.Map("U28", RouteAccess.Authenticated, ProfileHandlers.BrokerListAsync);
        MapTrading(dispatcher);
    }

    static partial void MapTrading(MessageDispatcher dispatcher);
}
