using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing;

namespace BlinkTrade.RestSoak.Audit;

/// <summary>What the exchange says, read after the run over clean direct connections (no proxy): alice's orders from
/// a WebSocket session (U4, all pages), her balances from the control API, her open orders' locks, the money in
/// circulation, a REST balance read (U2) and her API keys from the exchange's key store (not over REST: the bot's
/// faults can get the loopback address banned by the API-key rate limit, e.g. a request held in the proxy that arrives
/// after a 429).</summary>
internal sealed class ExchangeTruth
{
    public required IReadOnlyList<OrderListEntry> Orders { get; init; }

    public required IReadOnlyDictionary<string, ExchangeBalance> Balances { get; init; }

    public required IReadOnlyList<ExchangeOrder> OpenOrders { get; init; }

    public required IReadOnlyDictionary<string, Amount> Circulation { get; init; }

    public required UserBalanceResponse RestBalance { get; init; }

    public required IReadOnlyList<BlinkTrade.Testing.ApiKeys.ApiKeyEntry> Keys { get; init; }
}
