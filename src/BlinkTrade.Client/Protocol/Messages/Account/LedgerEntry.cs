namespace BlinkTrade.Client.Protocol;

/// <summary>One ledger row of a <see cref="LedgerListResponse"/>.</summary>
public sealed record LedgerEntry : ProtocolRecord
{
    /// <summary>Ledger row id.</summary>
    public long? LedgerID { get; init; }

    /// <summary>Currency.</summary>
    public string? Currency { get; init; }

    /// <summary>Credit or debit (the sign of <see cref="Amount"/>).</summary>
    public LedgerOperation? Operation { get; init; }

    /// <summary>The account.</summary>
    public long? AccountID { get; init; }

    /// <summary>The account's broker.</summary>
    public int? BrokerID { get; init; }

    /// <summary>The counterparty account.</summary>
    public long? PayeeID { get; init; }

    /// <summary>The counterparty's broker.</summary>
    public int? PayeeBrokerID { get; init; }

    /// <summary>Unsigned amount; the sign comes from <see cref="Operation"/>.</summary>
    public Amount? Amount { get; init; }

    /// <summary>Running balance after the entry.</summary>
    public Amount? Balance { get; init; }

    /// <summary><c>"&lt;OrderID&gt;.&lt;CounterOrderID&gt;"</c> for trades; the deposit/withdraw id otherwise.</summary>
    public string? Reference { get; init; }

    /// <summary>When the entry was made.</summary>
    public DateTime? Created { get; init; }

    /// <summary>What the entry records (trade, fee, deposit…).</summary>
    public LedgerDescription? Description { get; init; }

    /// <summary>The account's username.</summary>
    public string? AccountName { get; init; }

    /// <summary>The counterparty's username (broker sessions only).</summary>
    public string? PayeeName { get; init; }
}
