using BlinkTrade.Client.Protocol;

namespace BlinkTrade.ApiKeys;

/// <summary>One resting order of the public order book (<c>[price, quantity, user_id]</c>).</summary>
/// <param name="Price">The limit price.</param>
/// <param name="Quantity">The quantity left.</param>
/// <param name="UserId">The owner's user id.</param>
public readonly record struct PublicBookEntry(Price Price, Quantity Quantity, long UserId);
