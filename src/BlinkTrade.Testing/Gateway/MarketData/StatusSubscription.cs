using System.Text.Json;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;

namespace BlinkTrade.Testing.Gateway.MarketData;

/// <summary>An e subscription (security status, f stream) of one session to one symbol.</summary>
/// <param name="Session">The subscriber.</param>
/// <param name="RequestId">The SecurityStatusReqID, echoed in every f.</param>
/// <param name="Instrument">The instrument as the client named it (e.g. <c>BLINK:BTCUSD</c>).</param>
internal sealed record StatusSubscription(ExchangeSession Session, JsonElement RequestId, string Instrument) : IMarketDataSubscription
{
    /// <summary><see cref="RequestId"/> ready to echo in every f.</summary>
    public EchoedId Id { get; } = new(RequestId);
}
