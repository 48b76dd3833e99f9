namespace BlinkTrade.Testing.Matching;

/// <content>Read-side queries for the gateway's snapshots and list requests. They allocate their results; they are not on the hot path.</content>
internal sealed partial class MatchingEngine
{
    /// <summary>The visible book of one side, best first, with 1-based positions (a <c>W</c> snapshot).</summary>
    /// <param name="symbol">Symbol.</param>
    /// <param name="side"><see cref="Side.Buy"/> for bids, <see cref="Side.Sell"/> for offers.</param>
    /// <param name="depth">At most this many entries; 0 for all.</param>
    /// <returns>The entries (empty for an unknown symbol).</returns>
    public IReadOnlyList<BookEntry> GetBook(string symbol, Side side, int depth = 0)
    {
        var entries = new List<BookEntry>();
        if (!_instruments.TryGetValue(symbol, out var instrument))
        {
            return entries;
        }

        var bookSide = instrument.Book.Own(side);
        for (var id = bookSide.FirstLevel(out var cursor); id >= 0; id = bookSide.NextWorseLevel(ref cursor))
        {
            foreach (var slot in bookSide.Level(id).Orders)
            {
                if (depth > 0 && entries.Count == depth)
                {
                    return entries;
                }

                ref var order = ref _orders[slot];
                entries.Add(new BookEntry(entries.Count + 1, order.Price, order.LeavesQty, order.OrderId, order.BrokerId, order.UserId, order.Timestamp));
            }
        }

        return entries;
    }

    /// <summary>The best visible price of one side (0 when the side is empty): <see cref="GetBook"/> at depth 1, without allocating.</summary>
    /// <param name="symbol">Symbol.</param>
    /// <param name="side">Book side.</param>
    /// <returns>The price of the first order in priority order, or 0.</returns>
    public long BestPrice(string symbol, Side side)
    {
        if (!_instruments.TryGetValue(symbol, out var instrument))
        {
            return 0;
        }
        var bookSide = instrument.Book.Own(side);
        for (var id = bookSide.FirstLevel(out var cursor); id >= 0; id = bookSide.NextWorseLevel(ref cursor))
        {
            foreach (var slot in bookSide.Level(id).Orders)
            {
                return _orders[slot].Price;
            }
        }
        return 0;
    }

    /// <summary>Visits the visible book of one side best first without allocating: (order id, price, leaves) per order.</summary>
    /// <typeparam name="TVisitor">Visitor type (a struct avoids boxing).</typeparam>
    /// <param name="symbol">Symbol.</param>
    /// <param name="side">Book side.</param>
    /// <param name="visitor">Called once per resting order in priority order.</param>
    public void VisitBook<TVisitor>(string symbol, Side side, ref TVisitor visitor)
        where TVisitor : struct, IBookVisitor
    {
        if (!_instruments.TryGetValue(symbol, out var instrument))
        {
            return;
        }

        var bookSide = instrument.Book.Own(side);
        for (var id = bookSide.FirstLevel(out var cursor); id >= 0; id = bookSide.NextWorseLevel(ref cursor))
        {
            foreach (var slot in bookSide.Level(id).Orders)
            {
                ref var order = ref _orders[slot];
                visitor.Visit(order.OrderId, order.Price, order.LeavesQty);
            }
        }
    }

    /// <summary>Open orders of an account (resting and untriggered stops), in arrival order.</summary>
    /// <param name="brokerId">Broker of the account.</param>
    /// <param name="userId">User.</param>
    /// <returns>The orders.</returns>
    public IReadOnlyList<OrderState> GetOpenOrders(int brokerId, int userId)
    {
        var result = new List<OrderState>();
        if (Accounts.TryGetIndex(brokerId, userId, out var accountIndex))
        {
            for (var slot = OrdersOf(accountIndex).Head; slot >= 0; slot = _orders.Link(slot).Next)
            {
                result.Add(Snapshot(slot));
            }
        }

        return result;
    }

    /// <summary>Finds an open order by exchange order id.</summary>
    /// <param name="orderId">Order id.</param>
    /// <param name="order">The order when open.</param>
    /// <returns>Whether it is open.</returns>
    public bool TryGetOpenOrder(long orderId, out OrderState order)
    {
        if (_orderIndex.TryGet(orderId, out var slot))
        {
            order = Snapshot(slot);
            return true;
        }

        order = default;
        return false;
    }

    /// <summary>Finds an open order of an account by client order id.</summary>
    /// <param name="brokerId">Broker of the account.</param>
    /// <param name="userId">User.</param>
    /// <param name="clOrdId">Client order id.</param>
    /// <param name="order">The order when open.</param>
    /// <returns>Whether it is open.</returns>
    public bool TryGetOpenOrder(int brokerId, int userId, string clOrdId, out OrderState order)
    {
        if (Accounts.TryGetIndex(brokerId, userId, out var accountIndex) && OrdersOf(accountIndex).ByClOrdId is { } map && map.TryGetValue(clOrdId, out var slot))
        {
            order = Snapshot(slot);
            return true;
        }

        order = default;
        return false;
    }

    /// <summary>Trades, newest first (trade history, <c>U33</c>).</summary>
    /// <param name="symbol">Only this symbol, or <see langword="null"/> for all.</param>
    /// <param name="sinceTradeId">Only trades with a larger id (0 for all).</param>
    /// <param name="max">At most this many.</param>
    /// <returns>The trades.</returns>
    public IReadOnlyList<Trade> GetTrades(string? symbol = null, long sinceTradeId = 0, int max = 100)
    {
        var result = new List<Trade>();
        for (var i = _tradeLog.Count - 1; i >= 0 && result.Count < max; i--)
        {
            ref var trade = ref _tradeLog[i];
            if (trade.TradeId <= sinceTradeId)
            {
                break;
            }

            if (symbol is null || string.Equals(trade.Symbol, symbol, StringComparison.Ordinal))
            {
                result.Add(trade);
            }
        }

        return result;
    }

    /// <summary>Number of trades recorded.</summary>
    public long TradeCount => _tradeLog.Count;

    private OrderState Snapshot(int slot)
    {
        ref var order = ref _orders[slot];
        return new OrderState
        {
            OrderId = order.OrderId,
            ClOrdId = order.ClOrdId,
            BrokerId = order.BrokerId,
            UserId = order.UserId,
            Symbol = order.Instrument.Symbol,
            Side = order.Side,
            OrderType = order.OrderType,
            TimeInForce = order.TimeInForce,
            Price = order.Price,
            StopPx = order.StopPx,
            OrderQty = order.OrderQty,
            LeavesQty = order.LeavesQty,
            CumQty = order.CumQty,
            CxlQty = order.CxlQty,
            AvgPx = order.AvgPx,
            Status = StatusOf(ref order),
            Locked = order.Locked,
            IsWaitingForTrigger = order.StopWaiting,
            PostOnly = order.PostOnly,
            Timestamp = order.Timestamp,
        };
    }
}
