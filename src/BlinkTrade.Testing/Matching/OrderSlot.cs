using BlinkTrade.Testing.Accounts;

namespace BlinkTrade.Testing.Matching;

/// <summary>The mutable state of one live order, stored in a pooled array slot (no object per order).</summary>
internal struct OrderSlot
{
    public long OrderId;
    public long Price;
    public long StopPx;
    public long OrderQty;
    public long LeavesQty;
    public long CumQty;
    public long CxlQty;
    public long AvgPx;

    /// <summary>Funds this order currently reserves: quote for limit buys, base for sells, 0 for market/stop buys.</summary>
    public long Locked;
    public long Timestamp;
    public string? ClOrdId;
    public Instrument Instrument;
    /// <summary>The owner's <see cref="Account.Index"/>: the balance cell is addressed without reading the account object first.</summary>
    public int AccountIndex;

    /// <summary>The owner's broker and user, copied from its <see cref="Account"/>: ownership checks and reports need no
    /// second dependent load (the account object) after the slot's, and the slot holds no reference to it (one GC write
    /// barrier less per order).</summary>
    public int BrokerId;
    public int UserId;

    /// <summary>Fee rates fixed at entry (basis points, 0–10,000): <see cref="short"/> keeps the slot at 128 bytes.</summary>
    public short MakerBps;
    public short TakerBps;
    public Side Side;
    public OrderType OrderType;
    public TimeInForce TimeInForce;
    public bool PostOnly;

    /// <summary>In the order-id index, the account's open list and the ClOrdID index.</summary>
    public bool Registered;

    /// <summary>An untriggered stop order (hidden, not in the book).</summary>
    public bool StopWaiting;

    /// <summary>Next free slot while the slot is in the free list, kept in <see cref="Locked"/>: a closed order holds nothing, and its
    /// identity and terms stay readable until the slot is allocated again (the command's reports are built from them).</summary>
    public int NextFree
    {
        readonly get => (int)Locked;
        set => Locked = value;
    }

    /// <summary>Executes as a market order (market, or a triggered stop).</summary>
    public readonly bool IsMarket => OrderType is OrderType.Market or OrderType.Stop;

    /// <summary>A buy whose price is known at entry, so it reserves quote currency.</summary>
    public readonly bool LocksQuote => Side == Side.Buy && OrderType is OrderType.Limit or OrderType.StopLimit;
}
