namespace BlinkTrade.Testing.Accounts;

/// <summary>A balance in one currency: the total and the part reserved by open orders and pending withdrawals.</summary>
/// <param name="Total">Total balance in satoshis.</param>
/// <param name="Locked">Reserved part in satoshis.</param>
internal readonly record struct Balance(long Total, long Locked)
{
    /// <summary>What can be spent: <see cref="Total"/> minus <see cref="Locked"/>.</summary>
    public long Available => Total - Locked;
}
