namespace BlinkTrade.Testing.Accounts;

/// <summary>
/// How a ledger row is stored: 64 bytes, no object references. A trade writes four of these (six more with fees), so the
/// ledger is the largest stream of memory the engine writes; the row keeps only what cannot be derived — the account and
/// counterparty by <see cref="Account.Index"/>, the currency by id, no ledger id (it is the row's position + 1) — and
/// <see cref="AccountBook.GetLedger"/> turns rows into <see cref="LedgerEntry"/>s when a client asks for them.
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

    /// <summary>Index of the previous row of the same account (-1 if none): the per-account chain served newest first.</summary>
    public long PreviousOfAccount;

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
