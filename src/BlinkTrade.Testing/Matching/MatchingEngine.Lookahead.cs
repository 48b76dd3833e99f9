using BlinkTrade.Testing.Collections;

namespace BlinkTrade.Testing.Matching;

/// <content>Cross-command lookahead: prefetch hints for commands the caller will run next.</content>
internal sealed partial class MatchingEngine
{
    // In a deep book each command's data is a chain of dependent cache misses (cancel: id-index entry → order slot and link →
    // level queue, balance cell, neighbour links; new order: account-map bucket → account list entry, balance cell and open-order
    // list entry → account object and the list's tail link). Within one command the chain cannot overlap itself; across commands it can. Each Prefetch call
    // starts the first load of a new command and moves every earlier command's chain one step on, reading only lines an earlier
    // call asked for. The pipeline keeps one command per step; its state is hints only, so any value in it is harmless.

    /// <summary>Queue entries a lookahead prefetches for a cancel: the search for the order and the closing of the gap may touch
    /// the whole queue, and with time to spare its lines are better loaded in parallel than one by one behind the search.</summary>
    private const int LookaheadLevelEntries = 256;

    /// <summary>Cancel whose id-index entry was requested by the previous <see cref="Prefetch(in CancelOrder)"/> call (0: none).</summary>
    private long _aheadCancelId;

    /// <summary>Slot of the cancel one step further on, whose slot and link were requested (-1: none).</summary>
    private int _aheadCancelSlot = -1;

    private bool _aheadNew;
    private int _aheadNewBroker;
    private int _aheadNewUser;
    private int _aheadNewCurrency;

    /// <summary>Account index of the new order one step further on, whose account-list entry, balance cell and open-order list
    /// entry were requested (-1: none).</summary>
    private int _aheadNewIndex = -1;

    /// <summary>Whether <see cref="Prefetch(in CancelOrder)"/> and <see cref="Prefetch(in NewOrder)"/> currently do anything: only
    /// once the open orders or the accounts (<see cref="Accounts.AccountBook.OutgrowsCache"/>) outgrow the caches. A caller may skip building
    /// the commands to announce while it is false.</summary>
    public bool WantsLookahead => Prefetching || _accounts.OutgrowsCache;

    /// <summary>
    /// Tells the engine that <paramref name="command"/> is among the next commands it will be given (LMAX-style batching: the
    /// caller reads a few commands ahead of the one it executes). Only issues software prefetches and advances a pipeline of
    /// prefetch hints: no observable state changes, so results are identical with or without it, in any order or number of calls.
    /// </summary>
    /// <param name="command">A cancel the caller will run soon (typically 2–8 commands later).</param>
    public void Prefetch(in CancelOrder command)
    {
        if (!WantsLookahead)
        {
            return;
        }

        AdvanceLookahead();
        if (command.OrderId != 0)
        {
            _orderIndex.PrefetchEntry(command.OrderId);
            _aheadCancelId = command.OrderId;
        }
    }

    /// <summary>
    /// Tells the engine that <paramref name="command"/> is among the next commands it will be given; see
    /// <see cref="Prefetch(in CancelOrder)"/>. Only prefetch hints: results are unchanged.
    /// </summary>
    /// <param name="command">An order the caller will place soon.</param>
    public void Prefetch(in NewOrder command)
    {
        if (!WantsLookahead)
        {
            return;
        }

        AdvanceLookahead();
        var instrument = FindInstrument(command.Symbol);
        if (instrument is null || command.Side is not (Side.Buy or Side.Sell))
        {
            return;
        }

        if (Prefetching && command.OrderType == OrderType.Limit && command.Price > 0)
        {
            instrument.Book.Own(command.Side).PrefetchAdd(command.Price);
        }

        Accounts.PrefetchKey(command.BrokerId, command.UserId);
        _aheadNew = true;
        _aheadNewBroker = command.BrokerId;
        _aheadNewUser = command.UserId;
        _aheadNewCurrency = command.Side == Side.Buy ? instrument.QuoteCurrencyId : instrument.BaseCurrencyId;
    }

    /// <summary>Moves every command in the lookahead pipeline one step on, last step first (each reads what the step before it
    /// requested one call earlier).</summary>
    private void AdvanceLookahead()
    {
        if (_aheadNewIndex >= 0)
        {
            var index = _aheadNewIndex;
            _aheadNewIndex = -1;
            var tail = OrdersOf(index).Tail;
            if (tail >= 0)
            {
                _orders.PrefetchLink(tail);
            }
        }

        if (_aheadNew)
        {
            _aheadNew = false;
            if (Accounts.TryGetIndex(_aheadNewBroker, _aheadNewUser, out var index))
            {
                Accounts.PrefetchAccountEntry(index);
                _risk.PrefetchBalance(index, _aheadNewCurrency);
                CachePrefetch.Read(ref OrdersOf(index));
                _aheadNewIndex = index;
            }
        }

        if (_aheadCancelSlot >= 0)
        {
            var slot = _aheadCancelSlot;
            _aheadCancelSlot = -1;
            if (Prefetching)
            {
                PrefetchRestingLevel(_orders.Link(slot).LevelHint, LookaheadLevelEntries);
            }

            ref var order = ref _orders[slot];
            if (order.Locked != 0 && order.Instrument is not null)
            {
                _risk.PrefetchBalance(order.AccountIndex, LockCurrency(ref order));
            }

            if (order.Registered)
            {
                _orders.PrefetchNeighbourLinks(slot);
            }
        }

        if (_aheadCancelId != 0)
        {
            if (_orderIndex.TryGet(_aheadCancelId, out var slot))
            {
                _orders.PrefetchSlot(slot);
                _aheadCancelSlot = slot;
            }

            _aheadCancelId = 0;
        }
    }
}
