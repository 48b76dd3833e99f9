namespace BlinkTrade.Testing.Matching;

/// <content>Prefetch hints inside a sweep: the resting orders a multi-fill command will trade with next.</content>
internal sealed partial class MatchingEngine
{
    // A sweep (W4: ~45 fills per sweep over ~15 levels, 10,000 accounts) waits at every fill on a chain of misses that starts
    // at the book: level queue → order slot → its account's balance cells and ledger-chain link. The makers ahead are known from
    // the book alone, so two walkers run ahead of the fills: a level walker SweepLevelsAhead levels ahead requests each level's
    // queue front; an order walker SweepSlotsAhead makers ahead requests each maker's slot, and once that has had a fill's time to
    // arrive (SweepAccountsAhead makers ahead) reads the account index and requests the account's lines. Hints only: the walkers
    // change nothing, and a walk that goes wrong only ends early.

    /// <summary>How far ahead of the order walker (in levels) the level walker requests queue fronts.</summary>
    private const int SweepLevelsAhead = 2;

    /// <summary>How far ahead of the fill (in makers) the order walker requests order slots.</summary>
    private const int SweepSlotsAhead = 4;

    /// <summary>How far ahead of the fill (in makers) the maker's balance cells and ledger link are requested.</summary>
    private const int SweepAccountsAhead = 2;

    /// <summary>Makers the order walker passed, by position in the walk (a ring: <see cref="SweepSlotsAhead"/> + 1 fit).</summary>
    private readonly int[] _sweepSlots = new int[8];

    /// <summary>Levels the level walker passed and the order walker has not entered yet (a ring: <see cref="SweepLevelsAhead"/> fit).</summary>
    private readonly int[] _sweepLevels = new int[4];

    /// <summary><see cref="EngineOptions.SweepLookahead"/>.</summary>
    private readonly bool _sweepLookahead;

    /// <summary>Whether a walk is in progress (<see cref="StartSweepAhead"/> of this matching loop).</summary>
    private bool _sweeping;
    private Side _sweepSide;
    private long _sweepLimit;

    /// <summary>The order walker: its level, the queue index (from the level's array start) of the next maker, makers passed, and
    /// loop steps taken.</summary>
    private int _sweepLevel;
    private int _sweepIndex;
    private int _sweepWalked;
    private int _sweepSteps;
    private bool _sweepEnded;

    /// <summary>The level walker: its book cursor, levels passed and levels handed to the order walker.</summary>
    private long _sweepCursor;
    private int _sweepLevelsWalked;
    private int _sweepLevelsUsed;
    private bool _sweepLevelsEnded;

    /// <summary>Starts the walkers at the best level of <paramref name="opposite"/> (not empty, marketable), when the accounts or the
    /// book outgrow the caches: below that what the fills read is cached, and the walk would only add work.</summary>
    private void StartSweepAhead(BookSide opposite, Side takerSide, long limit)
    {
        _sweeping = _sweepLookahead && WantsLookahead;
        if (!_sweeping)
        {
            return;
        }

        _sweepSide = takerSide;
        _sweepLimit = limit;
        _sweepLevel = opposite.FirstLevel(out _sweepCursor);
        _sweepIndex = opposite.Level(_sweepLevel).Head;
        _sweepWalked = 0;
        _sweepSteps = 0;
        _sweepEnded = false;
        _sweepLevelsWalked = 0;
        _sweepLevelsUsed = 0;
        _sweepLevelsEnded = false;
        for (var i = 0; i < SweepLevelsAhead; i++)
        {
            AdvanceLevelWalker(opposite);
        }
    }

    /// <summary>Called at each step of the matching loop (its maker at the head): keeps the order walker
    /// <see cref="SweepSlotsAhead"/> makers ahead and requests the balance cells and ledger link of the maker
    /// <see cref="SweepAccountsAhead"/> ahead.</summary>
    private void AdvanceSweepAhead(BookSide opposite, int baseCcy, int quoteCcy)
    {
        if (!_sweeping)
        {
            return;
        }

        var step = _sweepSteps++;
        while (!_sweepEnded && _sweepWalked <= step + SweepSlotsAhead)
        {
            ref var level = ref opposite.Level(_sweepLevel);
            var rank = _sweepIndex - level.Head;
            if ((uint)rank < (uint)level.Count)
            {
                var slot = level.Orders[rank];
                _sweepIndex++;
                _orders.PrefetchSlot(slot);
                _sweepSlots[_sweepWalked++ & 7] = slot;
                continue;
            }

            // Past this level's last order. The walkers stay ahead of the fills (each loop step removes at most one maker, the
            // order walker passes one more), so their levels are not emptied under them; if one were (its page may be gone), the
            // walk ends rather than follow a stale cursor.
            if (level.Count == 0 || _sweepLevelsUsed == _sweepLevelsWalked)
            {
                _sweepEnded = true;
                break;
            }

            _sweepLevel = _sweepLevels[_sweepLevelsUsed++ & 3];
            _sweepIndex = opposite.Level(_sweepLevel).Head;
            AdvanceLevelWalker(opposite);
        }

        var ahead = step + SweepAccountsAhead;
        if (ahead < _sweepWalked)
        {
            // Its slot was requested SweepSlotsAhead - SweepAccountsAhead steps ago. (Requesting what a filled maker's close rewrites
            // as well — its order-id index entry, its neighbours' open-list links — measured 0.98× on W4: not done.)
            _accounts.PrefetchSettlement(_orders[_sweepSlots[ahead & 7]].AccountIndex, baseCcy, quoteCcy);
        }
    }

    /// <summary>Moves the level walker one level on, within the taker's limit, and requests that level's queue front.</summary>
    private void AdvanceLevelWalker(BookSide opposite)
    {
        if (_sweepLevelsEnded)
        {
            return;
        }

        var next = opposite.NextWorseLevel(ref _sweepCursor);
        if (next < 0 || !IsMarketable(_sweepSide, _sweepLimit, opposite.Level(next).Price))
        {
            _sweepLevelsEnded = true;
            return;
        }

        opposite.PrefetchLevel(next, 16);
        _sweepLevels[_sweepLevelsWalked++ & 3] = next;
    }
}
