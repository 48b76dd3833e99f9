using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Testing.Accounts;

/// <summary>One account (broker, user): balances per currency, resolved fee rates, the ids of its open orders and its ledger chain.</summary>
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

    /// <summary>Ids of the account's open orders in arrival order (ids ascend), in <c>OrderIds[..OrderIdCount]</c>, mixed with ids of
    /// orders closed since the list was last compacted: closing an order leaves its id here, so a cancel touches neither the
    /// account nor its other orders. The engine drops the closed ids (those no longer in its order-id index) when the list is
    /// full, and doubles it only when at least half of it is still open, so appending stays amortised O(1).</summary>
    public long[] OrderIds { get; set; } = [];

    /// <summary>Entries used in <see cref="OrderIds"/>.</summary>
    public int OrderIdCount { get; set; }

    /// <summary>Open orders by client order id (created on first use).</summary>
    public Dictionary<string, int>? OpenByClOrdId { get; set; }

    /// <summary>Index of the newest ledger row of this account, -1 when none.</summary>
    public long LastLedgerRow { get; set; } = -1;

    public int TakerBps(Side side) => side == Side.Buy ? TakerBuyBps : TakerSellBps;

    public int MakerBps(Side side) => side == Side.Buy ? MakerBuyBps : MakerSellBps;
}
