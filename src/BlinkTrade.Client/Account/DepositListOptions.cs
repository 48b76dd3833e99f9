using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Account;

/// <summary>What <see cref="IBlinkTradeClient.GetDepositsAsync(DepositListOptions, CancellationToken)"/> lists (<c>U30</c>).</summary>
public sealed record DepositListOptions : AccountOptions
{
    /// <summary>Only these statuses (<c>StatusList</c>, at most 5); every status when <see langword="null"/>.</summary>
    public IReadOnlyList<DepositStatus>? Statuses { get; init; }

    /// <summary>
    /// Search terms (<c>Filter</c>): a deposit is listed when it matches every term. On the reference exchange a term
    /// matches text in the deposit's <c>Data</c> (e.g. its <c>InputAddress</c>), its <c>Currency</c>,
    /// <c>DepositMethodName</c>, <c>DepositID</c> or <c>ClOrdID</c>, or, when it is a number, its <c>Value</c> or
    /// <c>PaidValue</c> in whole units (PROTOCOL.md §5 G42).
    /// </summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <summary>Rows per request (<c>PageSize</c>); 20 by default.</summary>
    public int PageSize { get; init; } = 20;
}
