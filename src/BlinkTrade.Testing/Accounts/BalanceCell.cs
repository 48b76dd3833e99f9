namespace BlinkTrade.Testing.Accounts;

/// <summary>Total and locked amount of one currency, side by side so that a balance check touches one cache line.</summary>
internal struct BalanceCell
{
    public long Total;
    public long Locked;
}
