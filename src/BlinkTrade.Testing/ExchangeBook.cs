namespace BlinkTrade.Testing;

/// <summary>A book as the control API sees it.</summary>
/// <param name="Bids">Bids, best (highest) first.</param>
/// <param name="Offers">Offers, best (lowest) first.</param>
public sealed record ExchangeBook(IReadOnlyList<ExchangeBookEntry> Bids, IReadOnlyList<ExchangeBookEntry> Offers);
