namespace BlinkTrade.Testing.Accounts;

/// <summary>
/// How a single ledger row is stored: 72 bytes, no object references — deposits, withdrawals and fees (a trade's four rows are one
/// <see cref="SettlementRow"/>). The row keeps only what cannot be derived — the account and counterparty by
/// <see cref="Account.Index"/>, the currency by id — and <see cref="AccountBook.GetLedger"/> turns rows into
/// <see cref="LedgerEntry"/>s when a client asks for them.
/// </summary>
internal struct LedgerRow
{
    /// <summary>Unsigned amount in satoshis.</summary>
    public long Amount;

    /// <summary>Total balance of the account in the row's currency after this row.</summary>
    public long Balance;

    /// <summary>See <see cref="LedgerEntry.Reference"/>.</summary>
    public long Reference;

    /// <summary>See <see cref="LedgerEntry.CounterReference"/>.</summary>
    public long CounterReference;

    /// <summary>Caller's clock of the command that produced the row.</summary>
    public long Timestamp;

    /// <summary>The account's ledger chain before this row (an <see cref="AccountBook"/> link, -1 if none): served newest first.</summary>
    public long PreviousOfAccount;

    /// <summary>Ledger id (ids count every row, the ones a <see cref="SettlementRow"/> stands for included, from 1 on).</summary>
    public long LedgerId;

    /// <summary><see cref="Account.Index"/> of the account.</summary>
    public int AccountIndex;

    /// <summary><see cref="Account.Index"/> of the counterparty (the account itself when there is none).</summary>
    public int PayeeIndex;

    /// <summary>Currency id (<see cref="AccountBook.CurrencyCode"/>).</summary>
    public short Currency;

    /// <summary>Credit or debit.</summary>
    public LedgerOperation Operation;

    /// <summary>What the row is for.</summary>
    public LedgerKind Kind;
}
