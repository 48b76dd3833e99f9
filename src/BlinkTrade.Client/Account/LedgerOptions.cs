namespace BlinkTrade.Client.Account;

/// <summary>What <see cref="IBlinkTradeClient.GetLedgerAsync(LedgerOptions, CancellationToken)"/> lists (<c>U34</c>).</summary>
public sealed record LedgerOptions : AccountOptions
{
    /// <summary>Only rows of this currency (<c>Currency</c>); every currency when <see langword="null"/>.</summary>
    public string? Currency { get; init; }

    /// <summary>
    /// Search terms (<c>Filter</c>): a row is listed when it matches every term. On the reference exchange a term matches
    /// the account's, the payee's or the broker's name or the row's <c>Reference</c> (text contained, ignoring case) or,
    /// when it is a number, the row's <c>Amount</c> or <c>Balance</c> in whole units (e.g. <c>"1.5"</c> = 1.5 BTC)
    /// (PROTOCOL.md §5 G42).
    /// </summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <summary>Rows per request (<c>PageSize</c>); 20 by default.</summary>
    public int PageSize { get; init; } = 20;
}
