using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;

namespace BlinkTrade.Testing.Gateway.Dispatch;

/// <summary>Handles one inbound message of a session, with the services it may use; replies and publications are queued on sessions.</summary>
internal delegate ValueTask MessageHandler(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken);
