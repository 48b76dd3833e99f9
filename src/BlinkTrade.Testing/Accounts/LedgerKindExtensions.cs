namespace BlinkTrade.Testing.Accounts;

/// <summary>Wire codes of <see cref="LedgerKind"/>.</summary>
internal static class LedgerKindExtensions
{
    /// <summary>The <c>Description</c> code of <paramref name="kind"/>: <c>T</c>, <c>TF</c>, <c>D</c>, <c>DF</c>, <c>W</c> or <c>WF</c>.</summary>
    /// <param name="kind">The ledger row kind.</param>
    /// <returns>The wire code.</returns>
    public static string ToWireCode(this LedgerKind kind) => kind switch
    {
        LedgerKind.Trade => "T",
        LedgerKind.TradeFee => "TF",
        LedgerKind.Deposit => "D",
        LedgerKind.DepositFee => "DF",
        LedgerKind.Withdrawal => "W",
        LedgerKind.WithdrawalFee => "WF",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown ledger kind."),
    };
}
