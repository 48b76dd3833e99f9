namespace BlinkTrade.Testing.Matching;

/// <summary>Untriggered stop orders of one instrument, per side in arrival order. They are hidden: not in the book, not in market data.</summary>
internal sealed class StopOrders
{
    private readonly List<int> _buys = [];
    private readonly List<int> _sells = [];

    public int Count => _buys.Count + _sells.Count;

    public void Add(int slot, Side side) => (side == Side.Buy ? _buys : _sells).Add(slot);

    public void Remove(int slot, Side side) => (side == Side.Buy ? _buys : _sells).Remove(slot);

    /// <summary>
    /// Removes and returns the earliest-arrived (lowest order id: ids are assigned on arrival) stop that <paramref name="lastPrice"/> triggers (buy: last ≥ StopPx,
    /// sell: last ≤ StopPx), or -1.
    /// </summary>
    public int TakeTriggered(long lastPrice, OrderStore orders)
    {
        var buy = FirstTriggered(_buys, orders, lastPrice, Side.Buy);
        var sell = FirstTriggered(_sells, orders, lastPrice, Side.Sell);
        if (buy < 0 && sell < 0)
        {
            return -1;
        }

        var takeBuy = sell < 0 || (buy >= 0 && orders[_buys[buy]].OrderId < orders[_sells[sell]].OrderId);
        var list = takeBuy ? _buys : _sells;
        var index = takeBuy ? buy : sell;
        var slot = list[index];
        list.RemoveAt(index);
        return slot;
    }

    private static int FirstTriggered(List<int> list, OrderStore orders, long lastPrice, Side side)
    {
        for (var i = 0; i < list.Count; i++)
        {
            var stopPx = orders[list[i]].StopPx;
            if (side == Side.Buy ? lastPrice >= stopPx : lastPrice <= stopPx)
            {
                return i;
            }
        }

        return -1;
    }
}
