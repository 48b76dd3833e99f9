namespace BlinkTrade.Testing.Accounts;

/// <summary>One account (broker, user): resolved fee rates (balances and the ledger chain are the <see cref="AccountBook"/>'s, by <see cref="Index"/>;
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

    /// <summary>Fee rates resolved user → broker and taker → maker (§3.7), fixed on each order at entry.</summary>
    public int MakerBuyBps { get; set; }

    public int MakerSellBps { get; set; }

    public int TakerBuyBps { get; set; }

    public int TakerSellBps { get; set; }

    /// <summary>The broker's fee account (null until the broker is registered: fees are then 0).</summary>
    public Account? FeeAccount { get; set; }

    public int TakerBps(bool buy) => buy ? TakerBuyBps : TakerSellBps;

    public int MakerBps(bool buy) => buy ? MakerBuyBps : MakerSellBps;
}
