namespace BlinkTrade.ApiKeys;

/// <summary>The public order book of a pair (PROTOCOL.md §2.11): at most 100 orders per side, best first.</summary>
public sealed record PublicOrderBook
{
    /// <summary>The pair, e.g. <c>BTCUSD</c>.</summary>
    public required string Pair { get; init; }

    /// <summary>Bids, best (highest) first.</summary>
    public required IReadOnlyList<PublicBookEntry> Bids { get; init; }

    /// <summary>Offers, best (lowest) first.</summary>
    public required IReadOnlyList<PublicBookEntry> Asks { get; init; }
}
