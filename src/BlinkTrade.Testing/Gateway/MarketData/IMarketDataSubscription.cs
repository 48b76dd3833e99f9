using System.Text.Json;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Wire;

namespace BlinkTrade.Testing.Gateway.MarketData;

/// <summary>What the hub needs of a subscription (a book's V or a ticker's e): its session and request id.</summary>
internal interface IMarketDataSubscription
{
    /// <summary>The subscriber.</summary>
    ExchangeSession Session { get; }

    /// <summary>The request id as sent (the subscription's key within its session).</summary>
    JsonElement RequestId { get; }

    /// <summary><see cref="RequestId"/> ready to echo in every publication.</summary>
    EchoedId Id { get; }
}
