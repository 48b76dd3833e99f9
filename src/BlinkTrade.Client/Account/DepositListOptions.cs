using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Account;

/// <summary>What <see cref="IBlinkTradeClient.GetDepositsAsync(DepositListOptions, CancellationToken)"/> lists (<c>U30</c>). A
/// search term (<see cref="AccountListOptions.Filter"/>) matches text in the deposit's <c>Data</c> (e.g. its
/// <c>InputAddress</c>), its <c>Currency</c>, <c>DepositMethodName</c>, <c>DepositID</c> or <c>ClOrdID</c>, or, when it
/// is a number, its <c>Value</c> or <c>PaidValue</c> in whole units.</summary>
public sealed record DepositListOptions : AccountListOptions
{
    /// <summary>Only these statuses (<c>StatusList</c>, at most 5); every status when <see langword="null"/>.</summary>
    public IReadOnlyList<DepositStatus>? Statuses { get; init; }
}
