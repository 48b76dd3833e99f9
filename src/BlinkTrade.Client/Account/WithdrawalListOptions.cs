using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Account;

/// <summary>What <see cref="IBlinkTradeClient.GetWithdrawalsAsync(WithdrawalListOptions, CancellationToken)"/> lists
/// (<c>U26</c>). A search term (<see cref="AccountListOptions.Filter"/>) matches text in the withdrawal's <c>Data</c>
/// (e.g. its <c>Wallet</c>), its <c>Currency</c>, <c>Method</c> or <c>ClOrdID</c>, or, when it is a number, its
/// <c>WithdrawID</c> or its <c>Amount</c> in whole units.</summary>
public sealed record WithdrawalListOptions : AccountListOptions
{
    /// <summary>Only these statuses (<c>StatusList</c>, at most 5); the server's default (pending and in progress)
    /// when <see langword="null"/>.</summary>
    public IReadOnlyList<WithdrawStatus>? Statuses { get; init; }
}
