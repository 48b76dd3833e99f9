namespace BlinkTrade.Testing.Matching;

/// <summary>
/// Matching's side of one account: its open orders (resting and untriggered stops) as a doubly linked list of order slots in
/// arrival order, and their client order ids. Kept by the matching engine in a flat array indexed by the account's index, so
/// the risk engine's accounts hold money only.
/// </summary>
internal struct AccountOrders
{
    /// <summary>An account with no open orders.</summary>
    public static readonly AccountOrders Empty = new() { Head = -1, Tail = -1 };

    /// <summary>Head of the open-order list (oldest), -1 when empty.</summary>
    public int Head;

    /// <summary>Tail of the open-order list (newest), -1 when empty.</summary>
    public int Tail;

    /// <summary>Open orders by client order id (created on first use).</summary>
    public Dictionary<string, int>? ByClOrdId;
}
