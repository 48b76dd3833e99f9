using BlinkTrade.Testing.Accounts;

namespace BlinkTrade.Testing.Matching;

/// <content>New orders: validation, funds locking, matching, resting and stop triggering.</content>
internal sealed partial class MatchingEngine
{
    /// <summary>
    /// Enters a new order. Writes to <see cref="Events"/>: a single reject report, or the order's New report (suppressed
    /// when it ends cancelled without a fill), one report per counterparty per fill (aggressor first, §3.9), cancel
    /// reports for self-trade prevention and IOC/FOK/market remainders, the market-data changes and trades, the balance
    /// changes — and the same for every stop order the resulting trades trigger.
    /// </summary>
    /// <param name="command">The order.</param>
    /// <returns>The order id assigned (rejected orders get one too, §5 G3).</returns>
    public long PlaceOrder(in NewOrder command)
    {
        Events.Clear();
        _now = command.Timestamp;
        var orderId = _nextOrderId++;
        var instrument = FindInstrument(command.Symbol);
        var prefetching = Prefetching;
        if (prefetching && instrument is not null && command.OrderType == OrderType.Limit && command.TimeInForce is TimeInForce.GoodTillCancel or TimeInForce.Day &&
            command.Price > 0 && command.Side is Side.Buy or Side.Sell)
        {
            // The queue the order may rest in is found through the book alone: start loading it before the account lookup,
            // so the two chains of cache misses overlap.
            instrument.Book.Own(command.Side).PrefetchAdd(command.Price);
        }

        var accountIndex = _accounts.GetOrOpenIndex(command.BrokerId, command.UserId);
        ref var owner = ref OrdersOf(accountIndex);
        if (prefetching && owner.Tail >= 0)
        {
            // Resting appends the order to the account's open list, rewriting the current tail's link: load it during validation.
            _orders.PrefetchLink(owner.Tail);
        }

        var reason = Validate(in command, instrument, ref owner, accountIndex, out var text, out var lockAmount);
        if (reason != OrderRejectReason.None)
        {
            EmitReject(in command, orderId, reason, text);
            return orderId;
        }

        var slot = _orders.Allocate();
        ref var order = ref _orders[slot];
        order.OrderId = orderId;
        order.ClOrdId = command.ClOrdId;
        order.AccountIndex = accountIndex;
        order.Instrument = instrument!;
        order.Side = command.Side;
        order.OrderType = command.OrderType;
        order.TimeInForce = command.TimeInForce;
        order.PostOnly = command.PostOnly;
        order.Price = command.OrderType is OrderType.Limit or OrderType.StopLimit ? command.Price : 0;
        order.StopPx = command.OrderType is OrderType.Stop or OrderType.StopLimit ? command.StopPx : 0;
        order.OrderQty = command.Quantity;
        order.LeavesQty = command.Quantity;
        order.Timestamp = command.Timestamp;
        order.BrokerId = command.BrokerId;
        order.UserId = command.UserId;
        (order.MakerBps, order.TakerBps) = _risk.FeeRates(accountIndex, command.Side == Side.Buy);
        order.Locked = lockAmount;
        _risk.Hold(accountIndex, LockCurrency(ref order), lockAmount);

        if (command.OrderType is OrderType.Stop or OrderType.StopLimit)
        {
            order.StopWaiting = true;
            Register(slot);
            EmitReport(slot, ref order, ExecType.New, order.Side, 0, 0, null);
            instrument!.Stops.Add(slot, order.Side);
        }
        else
        {
            Execute(slot, triggered: false);
        }

        RunTriggeredStops(instrument!);
        return orderId;
    }

    private OrderRejectReason Validate(in NewOrder command, Instrument? instrument, ref AccountOrders owner, int accountIndex, out string? text, out long lockAmount)
    {
        lockAmount = 0;
        text = null;
        if (instrument is null)
        {
            text = "Unknown symbol";
            return OrderRejectReason.UnknownSymbol;
        }

        if (command.Side is not (Side.Buy or Side.Sell))
        {
            text = "Invalid side";
            return OrderRejectReason.Other;
        }

        if (command.OrderType is not (OrderType.Market or OrderType.Limit or OrderType.Stop or OrderType.StopLimit))
        {
            text = "Unsupported order type";
            return OrderRejectReason.Other;
        }

        if (command.TimeInForce is not (TimeInForce.Day or TimeInForce.GoodTillCancel or TimeInForce.ImmediateOrCancel or TimeInForce.FillOrKill))
        {
            text = "Unsupported time in force";
            return OrderRejectReason.Other;
        }

        if (command.Quantity <= 0)
        {
            text = "Order quantity must be positive";
            return OrderRejectReason.Other;
        }

        var hasPrice = command.OrderType is OrderType.Limit or OrderType.StopLimit;
        var tick = instrument.Config.TickSize;
        if (hasPrice)
        {
            if (command.Price <= 0)
            {
                text = "Price must be positive";
                return OrderRejectReason.Other;
            }

            if (command.Price % tick != 0)
            {
                text = "Price is not a multiple of the tick size";
                return OrderRejectReason.Other;
            }

            if (!Money.NotionalFits(command.Price, command.Quantity))
            {
                text = "Price times quantity overflows";
                return OrderRejectReason.Other;
            }
        }

        if (command.OrderType is OrderType.Stop or OrderType.StopLimit)
        {
            if (command.StopPx <= 0)
            {
                text = "Stop price must be positive";
                return OrderRejectReason.Other;
            }

            if (command.StopPx % tick != 0)
            {
                text = "Stop price is not a multiple of the tick size";
                return OrderRejectReason.Other;
            }
        }

        if (command.PostOnly && command.OrderType != OrderType.Limit)
        {
            text = "Post-only is only valid for limit orders";
            return OrderRejectReason.Other;
        }

        if (command.Quantity < instrument.Config.MinQuantity)
        {
            text = "Order quantity is below the minimum";
            return OrderRejectReason.OrderExceedsLimit;
        }

        if (command.ClOrdId is not null && owner.ByClOrdId is { } open && open.ContainsKey(command.ClOrdId))
        {
            text = "Duplicate ClOrdID of an open order";
            return OrderRejectReason.DuplicateOrder;
        }

        if (command.PostOnly)
        {
            var opposite = instrument.Book.Opposite(command.Side);
            if (opposite.LevelCount > 0 && IsMarketable(command.Side, command.Price, opposite.BestLevel.Price))
            {
                text = "Post-only order would take liquidity";
                return OrderRejectReason.OrderExceedsLimit;
            }
        }

        if (!_risk.PreTradeCheck(accountIndex, command.Side == Side.Buy, hasPrice ? command.Price : 0, command.Quantity, command.OrderType == OrderType.Market,
                instrument.BaseCurrencyId, instrument.QuoteCurrencyId, out lockAmount))
        {
            text = "Insufficient funds";
            return OrderRejectReason.OrderExceedsLimit;
        }

        return OrderRejectReason.None;
    }

    /// <summary>Matches an accepted (or just triggered) order, then rests or cancels its remainder.</summary>
    private void Execute(int slot, bool triggered)
    {
        ref var order = ref _orders[slot];
        var instrument = order.Instrument;
        var side = order.Side;
        var isMarket = order.IsMarket;
        var limit = isMarket ? (side == Side.Buy ? long.MaxValue : 0) : order.Price;

        // A triggered stop already had its New report when it was accepted (§3.4): no second one.
        var newReported = triggered;
        if (order.TimeInForce == TimeInForce.FillOrKill && !CanFillCompletely(ref order, limit))
        {
            CancelRemainder(slot, "Fill-or-kill order could not be filled completely");
            return;
        }

        var opposite = instrument.Book.Opposite(side);
        var removedFromTop = 0;
        var partiallyFilledSlot = -1;
        string? cancelText = null;
        while (order.LeavesQty > 0 && opposite.LevelCount > 0)
        {
            ref var level = ref opposite.BestLevel;
            var price = level.Price;
            if (!IsMarketable(side, limit, price))
            {
                break;
            }

            var makerSlot = level.HeadSlot;
            ref var maker = ref _orders[makerSlot];
            if (maker.AccountIndex == order.AccountIndex && _selfTradePrevention != SelfTradePrevention.None)
            {
                if (_selfTradePrevention is SelfTradePrevention.CancelResting or SelfTradePrevention.CancelBoth)
                {
                    opposite.RemoveBestHead();
                    removedFromTop++;
                    partiallyFilledSlot = -1;
                    CancelRemainder(makerSlot, "Self-trade prevention");
                }

                if (_selfTradePrevention is SelfTradePrevention.CancelIncoming or SelfTradePrevention.CancelBoth)
                {
                    cancelText = "Self-trade prevention";
                    break;
                }

                continue;
            }

            var quantity = Math.Min(order.LeavesQty, maker.LeavesQty);
            if (isMarket && side == Side.Buy)
            {
                // Market buys lock nothing: cap every fill by what the buyer can pay now (§3.3, §3.6).
                quantity = _risk.CapToAffordable(order.AccountIndex, instrument.QuoteCurrencyId, price, quantity);
                if (quantity == 0)
                {
                    cancelText = "Insufficient funds";
                    break;
                }
            }

            if (!newReported)
            {
                EmitReport(slot, ref order, ExecType.New, side, 0, 0, null);
                newReported = true;
            }

            Fill(slot, ref order, makerSlot, ref maker, quantity, price);
            if (maker.LeavesQty == 0)
            {
                opposite.RemoveBestHead();
                removedFromTop++;
                partiallyFilledSlot = -1;
                Close(makerSlot);
            }
            else
            {
                partiallyFilledSlot = makerSlot;
            }
        }

        if (removedFromTop > 0)
        {
            EmitBookEvent(instrument, opposite == instrument.Book.Bids ? Side.Buy : Side.Sell, BookUpdateAction.DeleteThru, removedFromTop, -1);
        }

        if (partiallyFilledSlot >= 0)
        {
            EmitBookEvent(instrument, _orders[partiallyFilledSlot].Side, BookUpdateAction.Update, 1, partiallyFilledSlot);
        }

        if (order.LeavesQty == 0)
        {
            Close(slot);
        }
        else if (cancelText is not null || isMarket || order.TimeInForce is TimeInForce.ImmediateOrCancel or TimeInForce.FillOrKill)
        {
            CancelRemainder(slot, cancelText);
        }
        else
        {
            var position = instrument.Book.Own(side).Add(slot, order.Price, out var levelId);
            _orders.Link(slot).LevelHint = LevelHint(instrument, side, levelId);
            EmitBookEvent(instrument, side, BookUpdateAction.New, position, slot);
            if (!order.Registered)
            {
                Register(slot);
            }

            if (!newReported)
            {
                EmitReport(slot, ref order, ExecType.New, side, 0, 0, null);
            }
        }
    }

    /// <summary>FOK pre-check: could the order fill completely right now, book and funds included (§3.4)?</summary>
    private bool CanFillCompletely(ref OrderSlot order, long limit)
    {
        var opposite = order.Instrument.Book.Opposite(order.Side);
        var needed = order.LeavesQty;
        var marketBuy = order.IsMarket && order.Side == Side.Buy;
        var budget = marketBuy ? _accounts.Available(order.AccountIndex, order.Instrument.QuoteCurrencyId) : 0;
        for (var id = opposite.FirstLevel(out var cursor); id >= 0 && needed > 0; id = opposite.NextWorseLevel(ref cursor))
        {
            ref var level = ref opposite.Level(id);
            if (!IsMarketable(order.Side, limit, level.Price))
            {
                break;
            }

            foreach (var makerSlot in level.Orders)
            {
                ref var maker = ref _orders[makerSlot];
                if (maker.AccountIndex == order.AccountIndex && _selfTradePrevention != SelfTradePrevention.None)
                {
                    if (_selfTradePrevention is SelfTradePrevention.CancelIncoming or SelfTradePrevention.CancelBoth)
                    {
                        return false;
                    }

                    continue; // would be cancelled, not traded
                }

                var quantity = Math.Min(needed, maker.LeavesQty);
                if (marketBuy)
                {
                    var cost = Money.Notional(level.Price, quantity);
                    if (cost > budget)
                    {
                        return false;
                    }

                    budget -= cost;
                }

                needed -= quantity;
                if (needed == 0)
                {
                    return true;
                }
            }
        }

        return needed == 0;
    }

    /// <summary>One fill at the resting price: order state, the risk engine's settlement, two reports, one trade.</summary>
    /// <remarks>The caller passes the two slots it already holds (the slot array cannot move during a command's matching: only a
    /// placement allocates, before it matches). The fields every step reads — sides, owners, ids, the instrument's currencies —
    /// are copied to locals once: through the two <see langword="ref"/>s the JIT cannot tell the slots from the report, settlement and
    /// trade rows written between, so it would load them again after every store.</remarks>
    private void Fill(int takerSlot, ref OrderSlot taker, int makerSlot, ref OrderSlot maker, long quantity, long price)
    {
        var instrument = taker.Instrument;
        var takerSide = taker.Side;
        var aggressorId = taker.OrderId;
        var restingId = maker.OrderId;
        ApplyFill(ref taker, quantity, price);
        ApplyFill(ref maker, quantity, price);

        var takerIsBuyer = takerSide == Side.Buy;
        ref var buyer = ref takerIsBuyer ? ref taker : ref maker;
        ref var seller = ref takerIsBuyer ? ref maker : ref taker;
        var buyerBps = takerIsBuyer ? taker.TakerBps : maker.MakerBps;
        var sellerBps = takerIsBuyer ? maker.MakerBps : taker.TakerBps;
        var notional = Money.Notional(price, quantity);

        // The holds shrink with the fill: the buyer's to what its leaves still need at its limit price, so price improvement
        // is released (§3.6); the seller's by the base it delivers.
        var buyerLock = buyer.LocksQuote ? Money.Notional(buyer.Price, buyer.LeavesQty) : 0;
        var buyerRelease = buyer.Locked - buyerLock;
        buyer.Locked = buyerLock;
        seller.Locked -= quantity;
        var buyerIndex = buyer.AccountIndex;
        var sellerIndex = seller.AccountIndex;
        var buyerBroker = buyer.BrokerId;
        var buyerUser = buyer.UserId;
        var sellerBroker = seller.BrokerId;
        var sellerUser = seller.UserId;
        var now = _now;
        _risk.SettleTrade(buyerIndex, sellerIndex, instrument.BaseCurrencyId, instrument.QuoteCurrencyId, quantity, notional, buyerRelease,
            buyerBps, sellerBps, aggressorId, restingId, now);

        EmitReport(takerSlot, ref taker, taker.LeavesQty == 0 ? ExecType.Filled : ExecType.PartiallyFilled, takerSide, quantity, price, null);
        EmitReport(makerSlot, ref maker, maker.LeavesQty == 0 ? ExecType.Filled : ExecType.PartiallyFilled, takerSide, quantity, price, null);

        ref var trade = ref _tradeLog.Append();
        trade.TradeId = _nextTradeId++;
        trade.Symbol = instrument.Symbol;
        trade.Price = price;
        trade.Quantity = quantity;
        trade.AggressorSide = takerSide;
        trade.OrderId = aggressorId;
        trade.SecondaryOrderId = restingId;
        trade.BuyerBrokerId = buyerBroker;
        trade.BuyerUserId = buyerUser;
        trade.SellerBrokerId = sellerBroker;
        trade.SellerUserId = sellerUser;
        trade.Timestamp = now;
        instrument.LastPrice = price;
    }

    /// <summary>A fill's quantities and average price (§3.5), inlined: the average is the price itself while every fill so far
    /// was at one price (every maker fill, a taker's fills within one level), and only a fill at a second price pays the division
    /// (<see cref="AveragePrice"/>, out of line so that <see cref="Fill"/> stays small enough to keep its values in registers).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void ApplyFill(ref OrderSlot order, long quantity, long price)
    {
        var cumQty = order.CumQty;
        var avgPx = order.AvgPx;
        order.AvgPx = cumQty == 0 || avgPx == price ? price : AveragePrice(cumQty, avgPx, quantity, price);
        order.CumQty = cumQty + quantity;
        order.LeavesQty -= quantity;
    }

    /// <summary>§3.5: AvgPx = floor((Px×Qty + CumQty×AvgPx) / (CumQty+Qty)), with the previous, already floored AvgPx.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static long AveragePrice(long cumQty, long avgPx, long quantity, long price)
    {
        // Fast path: both products and their sum fit in 63 bits (always, for realistic orders); 128-bit arithmetic is far slower.
        var count = cumQty + quantity;
        var fillHigh = Math.BigMul(price, quantity, out long fill);
        var pastHigh = Math.BigMul(cumQty, avgPx, out long past);
        if ((fillHigh | pastHigh) == 0 && fill >= 0 && past >= 0 && fill <= long.MaxValue - past)
        {
            return (fill + past) / count;
        }

        var total = (Int128)price * quantity + ((Int128)cumQty * avgPx);
        return total <= long.MaxValue ? (long)total / count : (long)(total / count);
    }

    /// <summary>Triggers stop orders whose condition the last trade price meets, earliest arrival first, until none is left.</summary>
    private void RunTriggeredStops(Instrument instrument)
    {
        while (instrument.Stops.Count > 0 && instrument.LastPrice > 0)
        {
            var slot = instrument.Stops.TakeTriggered(instrument.LastPrice, _orders);
            if (slot < 0)
            {
                return;
            }

            _orders[slot].StopWaiting = false;
            Execute(slot, triggered: true);
        }
    }

    private void EmitReject(in NewOrder command, long orderId, OrderRejectReason reason, string? text)
    {
        ref var report = ref Events.AddWholeReport();
        report.ExecId = _nextExecId++;
        report.OrderId = orderId;
        report.ClOrdId = command.ClOrdId;
        report.Symbol = command.Symbol!;
        report.Side = command.Side;
        report.OrderType = command.OrderType;
        report.TimeInForce = command.TimeInForce;
        report.OrderQty = command.Quantity;
        report.Price = command.OrderType is OrderType.Market or OrderType.Stop ? 0 : command.Price;
        report.StopPx = command.OrderType is OrderType.Stop or OrderType.StopLimit ? command.StopPx : 0;
        report.BrokerId = command.BrokerId;
        report.UserId = command.UserId;
        report.Timestamp = _now;
        report.ExecType = ExecType.Rejected;
        report.OrderStatus = OrderStatus.Rejected;
        report.ExecSide = command.Side;
        report.LastShares = 0;
        report.LastPx = 0;
        report.LeavesQty = 0;
        report.CumQty = 0;
        report.CxlQty = command.Quantity;
        report.AvgPx = 0;
        report.OrdRejReason = reason;
        report.Text = text;
    }

    private static bool IsMarketable(Side side, long limit, long restingPrice) =>
        side == Side.Buy ? restingPrice <= limit : restingPrice >= limit;

    private static int LockCurrency(ref OrderSlot order) =>
        order.Side == Side.Buy ? order.Instrument.QuoteCurrencyId : order.Instrument.BaseCurrencyId;
}
