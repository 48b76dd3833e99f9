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

    /// <summary>The orders a depth-limited or full-refresh subscriber holds, or null for a full-book incremental one
    /// (which shares one X group with every other such subscriber).</summary>
    public DepthWindow? Window { get; init; }

    /// <summary><c>MDUpdateType "0"</c>: every change of <see cref="Window"/> is sent as a new W instead of X entries.</summary>
    public bool FullRefresh { get; init; }
}
