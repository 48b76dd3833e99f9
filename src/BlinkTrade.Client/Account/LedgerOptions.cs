namespace BlinkTrade.Client.Account;

/// <summary>What <see cref="IBlinkTradeClient.GetLedgerAsync(LedgerOptions, CancellationToken)"/> lists (<c>U34</c>). A search
/// term (<see cref="AccountListOptions.Filter"/>) matches the account's, the payee's or the broker's name or the row's
/// <c>Reference</c> (text contained) or, when it is a number, the row's <c>Amount</c> or <c>Balance</c> in whole units
/// (e.g. <c>"1.5"</c> = 1.5 BTC).</summary>
public sealed record LedgerOptions : AccountListOptions
{
    /// <summary>Only rows of this currency (<c>Currency</c>); every currency when <see langword="null"/>.</summary>
    public string? Currency { get; init; }
}
