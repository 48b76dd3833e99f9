namespace BlinkTrade.Testing.Accounts;

/// <summary>One account (broker, user): its own fee rates and fee account (balances, resolved fee rates and the ledger chain are the
/// <see cref="AccountBook"/>'s, by <see cref="Index"/>;
/// open orders are the matching engine's).</summary>
internal sealed class Account
{
    public Account(int index, int brokerId, int userId)
    {
        Index = index;
        BrokerId = brokerId;
        UserId = userId;
    }

    public int Index { get; }

    public int BrokerId { get; }

    public int UserId { get; }

    /// <summary>The user's own rates (null members fall back to the broker's).</summary>
    public FeeRates UserFees { get; set; }

    /// <summary>The broker's fee account (null until the broker is registered: fees are then 0).</summary>
    public Account? FeeAccount { get; set; }
}
