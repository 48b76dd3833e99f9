namespace BlinkTrade.Testing.Accounts;

/// <summary>One balance change (the content of an unsolicited <c>U3</c> delta, PROTOCOL.md §2.2): the new total and locked amounts.</summary>
internal struct BalanceChange
{
    /// <summary>Broker of the account.</summary>
    public int BrokerId { get; internal set; }

    /// <summary>User (account).</summary>
    public int UserId { get; internal set; }

    /// <summary>Currency code, for example <c>BTC</c>.</summary>
    public string Currency { get; internal set; }

    /// <summary>Total balance after the change (<c>&lt;CCY&gt;</c> on the wire).</summary>
    public long Total { get; internal set; }

    /// <summary>Locked part after the change (<c>&lt;CCY&gt;_locked</c> on the wire).</summary>
    public long Locked { get; internal set; }
}
