namespace BlinkTrade.Client.Account;

/// <summary>What <see cref="IBlinkTradeClient.GetTradeHistoryAsync(TradeHistoryOptions, CancellationToken)"/> lists (<c>U32</c>).</summary>
public sealed record TradeHistoryOptions
{
    /// <summary>A TradeID (trades after it) or, above 1 000 000 000, a unix time in seconds (<c>Since</c>, §5 G26); the
    /// last 24 h when <see langword="null"/>.</summary>
    public long? Since { get; init; }

    /// <summary>Only trades of these symbols (<c>SymbolList</c>); every symbol when <see langword="null"/> or empty.</summary>
    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>
    /// Search terms (<c>Filter</c>): a trade is listed when it matches every term. On the reference exchange a term
    /// matches the trade's symbol (<c>Market</c>, ignoring case) or, when it is an integer, its <c>Buyer</c> or
    /// <c>Seller</c> account id (PROTOCOL.md §5 G42).
    /// </summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <summary>Rows per request (<c>PageSize</c>); 100 by default.</summary>
    public int PageSize { get; init; } = 100;
}
