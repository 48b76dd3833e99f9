namespace BlinkTrade.Client.Trading;

/// <summary>What the pre-trade checks know of one instrument, from the exchange's <c>y</c> SecurityList.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Pip">The quote currency's price grid in satoshis (1 when the list gives none).</param>
/// <param name="MinQuantity">The smallest order quantity in satoshis; <see langword="null"/> when unknown.</param>
internal sealed record InstrumentRules(string Symbol, long Pip, long? MinQuantity);
