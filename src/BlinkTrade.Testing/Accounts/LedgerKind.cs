namespace BlinkTrade.Testing.Accounts;

/// <summary>What a ledger row is for (<c>Description</c> in <c>U35</c>).</summary>
internal enum LedgerKind : byte
{
    /// <summary><c>T</c>: trade settlement.</summary>
    Trade = 0,

    /// <summary><c>TF</c>: trade fee.</summary>
    TradeFee = 1,

    /// <summary><c>D</c>: deposit.</summary>
    Deposit = 2,

    /// <summary><c>DF</c>: deposit fee.</summary>
    DepositFee = 3,

    /// <summary><c>W</c>: withdrawal.</summary>
    Withdrawal = 4,

    /// <summary><c>WF</c>: withdrawal fee.</summary>
    WithdrawalFee = 5,
}
