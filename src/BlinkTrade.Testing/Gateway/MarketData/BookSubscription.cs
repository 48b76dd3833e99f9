using System.Text.Json;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;

namespace BlinkTrade.Testing.Gateway.MarketData;

/// <summary>A V subscription (SubscriptionRequestType 1) of one session to one symbol.</summary>
/// <param name="Session">The subscriber.</param>
/// <param name="MDReqID">The request id, echoed in every X.</param>
/// <param name="Book">Whether bids/offers (entry types 0/1) were requested.</param>
/// <param name="Trades">Whether trades (entry type 2) were requested.</param>
internal sealed record BookSubscription(ExchangeSession Session, JsonElement MDReqID, bool Book, bool Trades) : IMarketDataSubscription
{
    JsonElement IMarketDataSubscription.RequestId => MDReqID;

    /// <summary><see cref="MDReqID"/> ready to echo in every X.</summary>
    public EchoedId Id { get; } = new(MDReqID);
}
