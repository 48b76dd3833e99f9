using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Account;

/// <summary>What <see cref="IBlinkTradeClient.GetWithdrawalsAsync(WithdrawalListOptions, CancellationToken)"/> lists (<c>U26</c>).</summary>
public sealed record WithdrawalListOptions : AccountOptions
{
    /// <summary>Only these statuses (<c>StatusList</c>, at most 5); the server's default (pending and in progress)
    /// when <see langword="null"/>.</summary>
    public IReadOnlyList<WithdrawStatus>? Statuses { get; init; }

    /// <summary>
    /// Search terms (<c>Filter</c>): a withdrawal is listed when it matches every term. On the reference exchange a term
    /// matches text in the withdrawal's <c>Data</c> (e.g. its <c>Wallet</c>), its <c>Currency</c>, <c>Method</c>,
    /// <c>WithdrawID</c> or <c>ClOrdID</c>, or, when it is a number, its <c>Amount</c> in whole units (PROTOCOL.md §5 G42).
    /// </summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <summary>Rows per request (<c>PageSize</c>); 20 by default.</summary>
    public int PageSize { get; init; } = 20;
}
