namespace BlinkTrade.Testing.Matching;

/// <content>Cancels, order lifecycle bookkeeping and event emission.</content>
internal sealed partial class MatchingEngine
{
    /// <summary>
    /// Cancels one open order of the account, found by order id or client order id (PROTOCOL.md §2.3 <c>F</c>).
    /// Writes one cancel report (<c>CxlQty</c> += leaves), a market-data delete for a resting order, and the unlock.
    /// </summary>
    /// <param name="command">Which order.</param>
    /// <returns>Whether an open order was cancelled.</returns>
    public CancelResult CancelOrder(in CancelOrder command)
    {
        Events.Clear();
        _now = command.Timestamp;
        int slot;
        if (command.OrderId != 0)
        {
            // Ownership is checked on the order's own account: no account-map lookup (a cache miss in big books).
            if (!_orderIndex.TryGet(command.OrderId, out slot))
            {
                return CancelResult.UnknownOrder;
            }

            // The link (account list and level hint) is addressed by the slot number alone: read the hint and start loading the
            // order's level queue while the slot itself is still on its way from memory.
            if (Prefetching)
            {
                PrefetchRestingLevel(_orders.Link(slot).LevelHint, InCommandLevelEntries);
            }

            ref var owned = ref _orders[slot];
            if (owned.UserId != command.UserId || owned.BrokerId != command.BrokerId)
            {
                return CancelResult.UnknownOrder;
            }

            CancelOpenOrder(slot, ref owned);
            return CancelResult.Canceled;
        }
        else
        {
            var clOrdId = command.OrigClOrdId ?? command.ClOrdId;
            if (clOrdId is null || !Accounts.TryGetIndex(command.BrokerId, command.UserId, out var accountIndex) ||
                OrdersOf(accountIndex).ByClOrdId is not { } open || !open.TryGetValue(clOrdId, out slot))
            {
                return CancelResult.UnknownOrder;
            }
        }

        CancelOpenOrder(slot, ref _orders[slot]);
        return CancelResult.Canceled;
    }

    /// <summary>
    /// Cancels every open order of the account, optionally only one side and/or one symbol (PROTOCOL.md §2.3 <c>F</c> form 3, §5 G14),
    /// in arrival order, with one cancel report each.
    /// </summary>
    /// <param name="command">Which orders.</param>
    /// <returns>Number of orders cancelled.</returns>
    public int CancelAllOrders(in CancelAllOrders command)
    {
        Events.Clear();
        _now = command.Timestamp;
        if (!Accounts.TryGetIndex(command.BrokerId, command.UserId, out var accountIndex))
        {
            return 0;
        }

        var cancelled = 0;
        var slot = OrdersOf(accountIndex).Head;
        while (slot >= 0)
        {
            ref var order = ref _orders[slot];
            var next = _orders.Link(slot).Next;
            if ((command.Side is null || order.Side == command.Side) &&
                (command.Symbol is null || string.Equals(order.Instrument.Symbol, command.Symbol, StringComparison.Ordinal)))
            {
                CancelOpenOrder(slot, ref order);
                cancelled++;
            }

            slot = next;
        }

        return cancelled;
    }

    /// <summary>Packs where an order rests for <see cref="OpenOrderLink.LevelHint"/>: level id (23 bits), side (1 bit), instrument
    /// index (7 bits); -1 when a part does not fit (no prefetch then).</summary>
    private static int LevelHint(Instrument instrument, Side side, int levelId) =>
        levelId < (1 << 23) && instrument.Index < (1 << 7) ? levelId | (side == Side.Sell ? 1 << 23 : 0) | (instrument.Index << 24) : -1;

    /// <summary>Queue entries a cancel prefetches once it knows the level (4 lines): the hardware prefetcher follows the search beyond.</summary>
    private const int InCommandLevelEntries = 64;

    /// <summary>Starts loading the front of the level queue a <see cref="LevelHint"/> points at (any value is safe: a stale hint of a
    /// reused slot only prefetches some other level).</summary>
    private void PrefetchRestingLevel(int hint, int entries)
    {
        var index = hint >> 24;
        if (hint >= 0 && index < _instrumentList.Count)
        {
            _instrumentList[index].Book.Own((hint & (1 << 23)) != 0 ? Side.Sell : Side.Buy).PrefetchLevel(hint & ((1 << 23) - 1), entries);
        }
    }

    /// <summary>Cancels an open order that is resting in the book or waiting as a stop.</summary>
    /// <remarks>The slot's reference is passed down the whole cancel (<see cref="CancelRemainder(int, ref OrderSlot, string?)"/>,
    /// <see cref="Close(int, ref OrderSlot)"/>, <see cref="Unregister"/>) instead of each step indexing the store again (two loads
    /// and a bounds check each): nothing on the way allocates a slot, the one thing that moves the store.</remarks>
    private void CancelOpenOrder(int slot, ref OrderSlot order)
    {
        var instrument = order.Instrument;
        if (Prefetching)
        {
            if (order.Locked != 0)
            {
                // The unlock at the end needs the owner's balance cell: load it while the book removal runs.
                _risk.PrefetchBalance(order.AccountIndex, LockCurrency(ref order));
            }

            if (order.Registered)
            {
                _orders.PrefetchNeighbourLinks(slot);
            }
        }

        if (order.StopWaiting)
        {
            instrument.Stops.Remove(slot, order.Side);
        }
        else
        {
            var position = instrument.Book.Own(order.Side).Remove(slot, order.Price);
            EmitBookEvent(instrument, order.Side, BookUpdateAction.Delete, position, slot);
        }

        CancelRemainder(slot, ref order, null);
    }

    /// <summary>Cancels the leaves of an order that is no longer in the book: report, unlock, close.</summary>
    private void CancelRemainder(int slot, string? text) => CancelRemainder(slot, ref _orders[slot], text);

    /// <summary>Cancels the leaves of the order <paramref name="order"/> (in <paramref name="slot"/>): report, unlock, close.</summary>
    private void CancelRemainder(int slot, ref OrderSlot order, string? text)
    {
        order.CxlQty += order.LeavesQty;
        order.LeavesQty = 0;
        EmitReport(slot, ref order, ExecType.Canceled, order.Side, 0, 0, text);
        Close(slot, ref order);
    }

    /// <summary>Releases whatever the order still reserves, removes it from the indexes and frees its slot.</summary>
    private void Close(int slot) => Close(slot, ref _orders[slot]);

    /// <summary>Releases whatever the order <paramref name="order"/> (in <paramref name="slot"/>) still reserves, removes it from the
    /// indexes and frees its slot.</summary>
    private void Close(int slot, ref OrderSlot order)
    {
        if (order.Locked != 0)
        {
            _risk.Release(order.AccountIndex, LockCurrency(ref order), order.Locked);
            order.Locked = 0;
        }

        if (order.Registered)
        {
            Unregister(slot, ref order);
        }

        _orders.Free(slot);
    }

    /// <summary>Makes an order findable: order-id index, the account's open list, the ClOrdID index.</summary>
    private void Register(int slot)
    {
        ref var order = ref _orders[slot];
        ref var owner = ref OrdersOf(order.AccountIndex);
        order.Registered = true;
        _orderIndex.Add(order.OrderId, slot);
        ref var link = ref _orders.Link(slot);
        link.Previous = owner.Tail;
        link.Next = -1;
        if (owner.Tail >= 0)
        {
            _orders.Link(owner.Tail).Next = slot;
        }
        else
        {
            owner.Head = slot;
        }

        owner.Tail = slot;
        if (order.ClOrdId is not null)
        {
            (owner.ByClOrdId ??= new Dictionary<string, int>(StringComparer.Ordinal))[order.ClOrdId] = slot;
        }
    }

    private void Unregister(int slot, ref OrderSlot order)
    {
        ref var owner = ref OrdersOf(order.AccountIndex);
        order.Registered = false;
        _orderIndex.Remove(order.OrderId);
        var link = _orders.Link(slot);
        if (link.Previous >= 0)
        {
            _orders.Link(link.Previous).Next = link.Next;
        }
        else
        {
            owner.Head = link.Next;
        }

        if (link.Next >= 0)
        {
            _orders.Link(link.Next).Previous = link.Previous;
        }
        else
        {
            owner.Tail = link.Previous;
        }

        if (order.ClOrdId is not null)
        {
            owner.ByClOrdId!.Remove(order.ClOrdId);
        }
    }

    /// <summary>Notes a report of the order in <paramref name="slot"/>: what changed; the rest is read from the slot when the
    /// report is built (<see cref="EngineEventBuffer.ExecutionReports"/>).</summary>
    private void EmitReport(int slot, ref OrderSlot order, ExecType execType, Side execSide, long lastShares, long lastPx, string? text)
    {
        ref var report = ref Events.AddReport(slot);
        report.ExecId = _nextExecId++;
        report.Timestamp = _now;
        report.ExecType = execType;
        report.ExecSide = execSide;
        report.LastShares = lastShares;
        report.LastPx = lastPx;
        report.LeavesQty = order.LeavesQty;
        report.CumQty = order.CumQty;
        report.AvgPx = order.AvgPx;
        report.Text = text;
    }

    /// <summary>§3.5 <c>_adjust_status</c>: derived from the quantities.</summary>
    private static OrderStatus StatusOf(ref OrderSlot order) => EngineEventBuffer.StatusOf(order.OrderQty, order.CumQty, order.LeavesQty);

    private void EmitBookEvent(Instrument instrument, Side side, BookUpdateAction action, int position, int slot)
    {
        if (!_bookEvents)
        {
            return;
        }

        // A delete and a delete-through carry no order details: the slot (if any) only names the order.
        ref var entry = ref Events.AddBookEvent();
        entry = default;
        entry.Symbol = instrument.Symbol;
        entry.Action = action;
        entry.Side = side;
        entry.Position = position;
        if (slot >= 0)
        {
            ref var order = ref _orders[slot];
            entry.OrderId = order.OrderId;
            if (action != BookUpdateAction.Delete)
            {
                entry.Price = order.Price;
                entry.Quantity = order.LeavesQty;
                entry.BrokerId = order.BrokerId;
                entry.UserId = order.UserId;
                entry.OrderTimestamp = order.Timestamp;
            }
        }
    }
}
