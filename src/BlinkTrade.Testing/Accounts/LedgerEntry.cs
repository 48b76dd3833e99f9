namespace BlinkTrade.Testing.Accounts;

/// <summary>One ledger row (<c>U35</c> <c>LedgerListGrp</c>, PROTOCOL.md §2.2): one movement of one currency on one account.</summary>
internal struct LedgerEntry
{
    /// <summary>Ledger id: monotonic over the engine's life.</summary>
    public long LedgerId { get; internal set; }

    /// <summary>Currency code.</summary>
    public string Currency { get; internal set; }

    /// <summary>Credit or debit.</summary>
    public LedgerOperation Operation { get; internal set; }

    /// <summary>Broker of the account.</summary>
    public int BrokerId { get; internal set; }

    /// <summary>User (account).</summary>
    public int UserId { get; internal set; }

    /// <summary>Broker of the counterparty (the other side of a trade, the fee account's owner, or the broker for deposits/withdrawals).</summary>
    public int PayeeBrokerId { get; internal set; }

    /// <summary>Counterparty user.</summary>
    public int PayeeUserId { get; internal set; }

    /// <summary>Unsigned amount in satoshis; the sign comes from <see cref="Operation"/>.</summary>
    public long Amount { get; internal set; }

    /// <summary>Total balance of the account in <see cref="Currency"/> after this row.</summary>
    public long Balance { get; internal set; }

    /// <summary>For trades and trade fees: the aggressor order id (the <c>Reference</c> is <c>"&lt;OrderID&gt;.&lt;CounterOrderID&gt;"</c>); for deposits and withdrawals: their id.</summary>
    public long Reference { get; internal set; }

    /// <summary>For trades and trade fees: the resting order id; 0 otherwise.</summary>
    public long CounterReference { get; internal set; }

    /// <summary>What the row is for.</summary>
    public LedgerKind Kind { get; internal set; }

    /// <summary>Caller's clock of the command that produced the row.</summary>
    public long Timestamp { get; internal set; }

    /// <summary>The <c>Reference</c> column as on the wire.</summary>
    /// <returns><c>"&lt;OrderID&gt;.&lt;CounterOrderID&gt;"</c> for trade rows, the deposit/withdraw id otherwise.</returns>
    public readonly string FormatReference() =>
        Kind is LedgerKind.Trade or LedgerKind.TradeFee
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Reference}.{CounterReference}")
            : Reference.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
