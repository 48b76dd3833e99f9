using BlinkTrade.Testing.Matching;

namespace BlinkTrade.Testing.Accounts;

/// <summary>One account (broker, user): balances per currency, resolved fee rates, its open orders and its ledger chain.</summary>
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

    /// <summary>Head of the doubly linked list of open order slots (arrival order), -1 when empty.</summary>
    public int OpenOrdersHead { get; set; } = -1;

    /// <summary>Tail of the open order list, -1 when empty.</summary>
    public int OpenOrdersTail { get; set; } = -1;

    /// <summary>Open orders by client order id (created on first use).</summary>
    public Dictionary<string, int>? OpenByClOrdId { get; set; }

    /// <summary>Index of the newest ledger row of this account, -1 when none.</summary>
    public long LastLedgerRow { get; set; } = -1;

    public int TakerBps(Side side) => side == Side.Buy ? TakerBuyBps : TakerSellBps;

    public int MakerBps(Side side) => side == Side.Buy ? MakerBuyBps : MakerSellBps;
}
