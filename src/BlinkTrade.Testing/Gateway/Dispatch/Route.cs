namespace BlinkTrade.Testing.Gateway.Dispatch;

/// <summary>How one MsgType is served.</summary>
/// <param name="Handler">The handler.</param>
/// <param name="Access">Who may send it.</param>
internal sealed record Route(MessageHandler Handler, RouteAccess Access);
