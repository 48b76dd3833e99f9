using BlinkTrade.Client.Protocol;

namespace BlinkTrade.ApiKeys;

/// <summary>One trade of the public trade list (PROTOCOL.md §2.11).</summary>
/// <param name="TradeId">The trade id (<c>tid</c>); pass the last one as <c>since</c> to page forward.</param>
/// <param name="Time">When it printed (<c>date</c>, whole seconds).</param>
/// <param name="Price">The price.</param>
/// <param name="Amount">The quantity (base currency).</param>
/// <param name="Side">The aggressor's side (<c>buy</c> / <c>sell</c>).</param>
public readonly record struct PublicTrade(long TradeId, DateTimeOffset Time, Price Price, Quantity Amount, Side Side);
