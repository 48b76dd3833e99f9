using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;

namespace BlinkTrade.Testing.Gateway.Dispatch;

/// <summary>Handles one inbound message of a session; replies and publications are queued on sessions.</summary>
internal delegate ValueTask MessageHandler(ExchangeSession session, InboundMessage message, CancellationToken cancellationToken);
