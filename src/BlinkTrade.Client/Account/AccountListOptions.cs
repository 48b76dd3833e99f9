namespace BlinkTrade.Client.Account;

/// <summary>
/// What the account lists share (<see cref="LedgerOptions"/> <c>U34</c>, <see cref="DepositListOptions"/> <c>U30</c>,
/// <see cref="WithdrawalListOptions"/> <c>U26</c>): the account (<see cref="AccountOptions.ClientId"/>), search terms
/// and the page size.
/// </summary>
public abstract record AccountListOptions : AccountOptions
{
    /// <summary>
    /// Search terms (<c>Filter</c>): a row is listed when it matches every term, each term matching any of the row's
    /// searchable values, ignoring case; which values each list searches is in its options' summary and PROTOCOL.md
    /// §5 G42. At most 10 terms of at most 100 characters on the reference exchange.
    /// </summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <summary>Rows per request (<c>PageSize</c>); 20 by default.</summary>
    public int PageSize { get; init; } = 20;
}
