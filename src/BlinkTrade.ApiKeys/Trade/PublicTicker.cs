using BlinkTrade.Client.Protocol;

namespace BlinkTrade.ApiKeys;

/// <summary>The public ticker of a pair (PROTOCOL.md §2.11), its decimals read into the SDK's exact amount types.</summary>
public sealed record PublicTicker
{
    /// <summary>The pair, e.g. <c>BTCUSD</c>.</summary>
    public required string Pair { get; init; }

    /// <summary>The highest trade price of the last 24 hours (0 without trades).</summary>
    public Price High { get; init; }

    /// <summary>The lowest trade price of the last 24 hours (0 without trades).</summary>
    public Price Low { get; init; }

    /// <summary>The last trade price (0 without trades).</summary>
    public Price Last { get; init; }

    /// <summary>The volume traded in the last 24 hours, in the base (crypto) currency (<c>vol</c>).</summary>
    public Quantity BaseVolume { get; init; }

    /// <summary>The volume traded in the last 24 hours, in the quote currency (<c>vol_&lt;quote&gt;</c>).</summary>
    public Amount QuoteVolume { get; init; }

    /// <summary>The best bid (<c>buy</c>; 0 when there is none).</summary>
    public Price BestBid { get; init; }

    /// <summary>The best offer (<c>sell</c>; 0 when there is none).</summary>
    public Price BestAsk { get; init; }
}
