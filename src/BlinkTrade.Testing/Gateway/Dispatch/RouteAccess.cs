namespace BlinkTrade.Testing.Gateway.Dispatch;

/// <summary>Who may send a message type.</summary>
internal enum RouteAccess
{
    /// <summary>Anyone, logged in or not (heartbeat, login, signup, reset, market data, security list/status).</summary>
    Public,

    /// <summary>Logged-in sessions only; API-key sessions are also held to their PermissionList.</summary>
    Authenticated,
}
