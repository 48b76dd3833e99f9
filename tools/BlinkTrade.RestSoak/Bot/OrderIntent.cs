using BlinkTrade.Client.Protocol;

namespace BlinkTrade.RestSoak.Bot;

/// <summary>An order the bot meant to place once, by its own ClOrdID, and what <c>SendOrderAsync</c> told it.</summary>
/// <param name="ClOrdID">The bot's id for it (unique per run).</param>
/// <param name="Flow">The client that sent it.</param>
/// <param name="Outcome">placed, recovered, not_placed (refused, ERROR, or looked up and not found), unknown (the lookup failed too), unexpected.</param>
/// <param name="OrderID">The exchange's id, when the answer or the lookup gave one.</param>
/// <param name="Status">The status the bot was told.</param>
/// <param name="CumQty">The filled quantity the bot was told.</param>
internal sealed record OrderIntent(string ClOrdID, string Flow, string Outcome, long? OrderID, OrdStatus? Status, Quantity? CumQty);
