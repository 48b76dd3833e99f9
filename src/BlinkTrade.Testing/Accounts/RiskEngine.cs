using System.Runtime.CompilerServices;
using BlinkTrade.Testing.Collections;

namespace BlinkTrade.Testing.Accounts;

/// <summary>
/// The money side of the exchange core, split from the order books the way exchange-core splits its <c>RiskEngine</c> from its
/// matching engine: pre-trade funds checks, holds (locked funds) and their release, the settlement of every trade with its
/// maker/taker fees, deposits and withdrawals. Every balance change and ledger row is made here; the matching engine owns
/// books and orders, asks before it rests or fills, and never moves money itself. It runs on the matching engine's thread
/// (one writer), so nothing here is locked.
/// </summary>
internal sealed class RiskEngine
{
    /// <param name="changes">Where balance changes are noted.</param>
    /// <param name="ledgerCapacity">Expected single ledger rows (deposits, withdrawals, fees) over the engine's life.</param>
    /// <param name="tradeCapacity">Expected trades over the engine's life (one settlement record each).</param>
    public RiskEngine(BalanceChangeLog changes, long ledgerCapacity, long tradeCapacity = 1024) =>
        Accounts = new AccountBook(changes, ledgerCapacity, tradeCapacity);

    // The per-order members are small and on every command's path: inlined, the split from matching costs no call.

    /// <summary>Accounts, balances, fee rates, the ledger and pending withdrawals.</summary>
    public AccountBook Accounts { get; }

    /// <summary>
    /// Pre-trade check of a new order (§3.6): the hold it needs in its lock currency, and whether the available balance
    /// covers it. A sell holds its quantity of base; a buy with a price holds its notional of quote; a buy without one
    /// (market, stop) holds nothing, and an immediate market buy only needs some quote now: each of its fills is capped by
    /// what the buyer can pay then (<see cref="AffordableQuantity"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool PreTradeCheck(int accountIndex, bool buy, long price, long quantity, bool immediateMarketBuy, int baseCcy, int quoteCcy, out long hold)
    {
        if (!buy)
        {
            hold = quantity;
            return Accounts.Available(accountIndex, baseCcy) >= hold;
        }

        if (price > 0)
        {
            hold = Money.Notional(price, quantity);
            return Accounts.Available(accountIndex, quoteCcy) >= hold;
        }

        hold = 0;
        return !immediateMarketBuy || Accounts.Available(accountIndex, quoteCcy) > 0;
    }

    /// <summary>The maker and taker rates (basis points) fixed on an order of the account (by <see cref="Account.Index"/>) at entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (short Maker, short Taker) FeeRates(int accountIndex, bool buy) => Accounts.FeeRates(accountIndex, buy);

    /// <summary>Reserves <paramref name="amount"/> for an order (no ledger row: nothing moves).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Hold(int accountIndex, int ccy, long amount) => Accounts.Lock(accountIndex, ccy, amount);

    /// <summary>Releases what an order no longer needs of its hold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Release(int accountIndex, int ccy, long amount) => Accounts.Unlock(accountIndex, ccy, amount);

    /// <summary>What an account can spend now in one currency (total minus locked).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Available(Account account, int ccy) => Accounts.Available(account, ccy);

    /// <summary>How much base a market buyer can pay for at <paramref name="price"/> out of its available quote (§3.3, §3.6).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long AffordableQuantity(Account account, int quoteCcy, long price) => Money.QuantityFor(Accounts.Available(account, quoteCcy), price);

    /// <summary><paramref name="quantity"/> capped by what the market buyer (by <see cref="Account.Index"/>) can pay for at
    /// <paramref name="price"/> (<see cref="AffordableQuantity"/>); a buyer who can pay for all of it costs no 128-bit division.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long CapToAffordable(int accountIndex, int quoteCcy, long price, long quantity)
    {
        var available = Accounts.Available(accountIndex, quoteCcy);
        return Money.Pays(available, price, quantity) ? quantity : Math.Min(quantity, Money.QuantityFor(available, price));
    }

    /// <summary>Starts loading the balance cell a hold release will touch (the order's slot knows the account index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchBalance(int accountIndex, int ccy) => CachePrefetch.Read(ref Accounts.Cell(accountIndex, ccy));

    /// <summary>
    /// Settles one trade of <paramref name="quantity"/> base for <paramref name="notional"/> quote (§3.6, §3.7, §3.10). The buyer
    /// pays out of its hold, which shrinks by <paramref name="buyerRelease"/> (what it pays plus any price improvement its leaves no
    /// longer need; 0 for a market buy, which holds nothing), receives the base and pays its fee in base; the seller delivers the
    /// base out of its hold, receives the quote and pays its fee in quote. Fees go to each party's broker fee account. Ledger rows
    /// reference the aggressor and the resting order. The parties are <see cref="Account.Index"/>es (the order slots hold them): no
    /// account object is read unless there is a fee to move. The four trade rows are stored as one settlement record
    /// (<see cref="AccountBook.Settle"/>); a trade whose notional floors to 0 has no quote rows and posts its two base rows singly.
    /// </summary>
    /// <remarks>Inlined into the matching engine's fill; the rare trade whose notional floors to 0 is settled out of line
    /// (<see cref="SettleWithoutQuote"/>), so that the fill's code stays small enough for its values to stay in registers.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SettleTrade(int buyer, int seller, int baseCcy, int quoteCcy, long quantity, long notional, long buyerRelease,
        int buyerFeeBps, int sellerFeeBps, long aggressorId, long restingId, long timestamp)
    {
        if (notional != 0)
        {
            Accounts.Settle(buyer, seller, baseCcy, quoteCcy, quantity, notional, buyerRelease, Money.Fee(quantity, buyerFeeBps), Money.Fee(notional, sellerFeeBps),
                aggressorId, restingId, timestamp);
            return;
        }

        SettleWithoutQuote(buyer, seller, baseCcy, quoteCcy, quantity, buyerRelease, buyerFeeBps, sellerFeeBps, aggressorId, restingId, timestamp);
    }

    /// <summary>A trade whose notional floors to 0: no quote rows, its base rows (and any release of the buyer's hold) posted singly.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SettleWithoutQuote(int buyer, int seller, int baseCcy, int quoteCcy, long quantity, long buyerRelease,
        int buyerFeeBps, int sellerFeeBps, long aggressorId, long restingId, long timestamp)
    {
        const long notional = 0;
        var accounts = Accounts;
        accounts.Post(buyer, quoteCcy, LedgerOperation.Debit, notional, buyerRelease, LedgerKind.Trade, seller, aggressorId, restingId, timestamp);
        accounts.Post(buyer, baseCcy, LedgerOperation.Credit, quantity, 0, LedgerKind.Trade, seller, aggressorId, restingId, timestamp);
        accounts.ChargeFee(buyer, baseCcy, Money.Fee(quantity, buyerFeeBps), LedgerKind.TradeFee, aggressorId, restingId, timestamp);

        accounts.Post(seller, baseCcy, LedgerOperation.Debit, quantity, quantity, LedgerKind.Trade, buyer, aggressorId, restingId, timestamp);
        accounts.Post(seller, quoteCcy, LedgerOperation.Credit, notional, 0, LedgerKind.Trade, buyer, aggressorId, restingId, timestamp);
        accounts.ChargeFee(seller, quoteCcy, Money.Fee(notional, sellerFeeBps), LedgerKind.TradeFee, aggressorId, restingId, timestamp);
    }

    /// <summary>Credits a completed deposit (<c>D</c>), then moves <paramref name="fee"/> to the broker's fee account (<c>DF</c>).</summary>
    /// <exception cref="InvalidOperationException">A fee for a broker without a fee account (checked before anything moves).</exception>
    public void CreditDeposit(int brokerId, int userId, string currency, long amount, long fee, long depositId, long timestamp)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(fee);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fee, amount);
        var feeAccount = Accounts.BrokerFeeAccount(brokerId);
        if (fee > 0 && feeAccount is null)
        {
            // Checked before anything moves: a half-applied deposit would break conservation.
            throw new InvalidOperationException($"Broker {brokerId} has no registered fee account to receive the deposit fee.");
        }

        var account = Accounts.GetOrOpen(brokerId, userId);
        var ccy = Accounts.GetOrAddCurrency(currency);
        Accounts.Post(account, ccy, LedgerOperation.Credit, amount, 0, LedgerKind.Deposit, feeAccount, depositId, 0, timestamp);
        if (fee > 0)
        {
            Accounts.ChargeFee(account, ccy, fee, LedgerKind.DepositFee, depositId, 0, timestamp);
        }
    }

    /// <summary>Starts a withdrawal: holds amount + fee from the request on (G24).</summary>
    /// <returns><see langword="false"/> (nothing changed) when the available balance is insufficient, the id is in use, or a fee is asked
    /// of a broker without a fee account.</returns>
    public bool RequestWithdrawal(long withdrawId, int brokerId, int userId, string currency, long amount, long fee)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(fee);
        if (!Accounts.TryGet(brokerId, userId, out var account) || !Accounts.TryGetCurrency(currency, out var ccy))
        {
            return false;
        }

        var total = checked(amount + fee);
        if ((fee > 0 && Accounts.BrokerFeeAccount(brokerId) is null) || Accounts.Available(account, ccy) < total ||
            !Accounts.TryAddWithdrawal(new PendingWithdrawal(withdrawId, brokerId, userId, currency, amount, fee)))
        {
            return false;
        }

        Accounts.Lock(account, ccy, total);
        return true;
    }

    /// <summary>Completes a pending withdrawal: releases and debits the amount (<c>W</c>), moves the fee (<c>WF</c>) to the broker's fee account.</summary>
    /// <returns><see langword="false"/> when no such withdrawal is pending.</returns>
    public bool CompleteWithdrawal(long withdrawId, long timestamp)
    {
        if (!TakeWithdrawal(withdrawId, out var withdrawal, out var account, out var ccy))
        {
            return false;
        }

        Accounts.Post(account, ccy, LedgerOperation.Debit, withdrawal.Amount, withdrawal.Amount + withdrawal.Fee, LedgerKind.Withdrawal,
            Accounts.BrokerFeeAccount(withdrawal.BrokerId), withdrawId, 0, timestamp);
        Accounts.ChargeFee(account, ccy, withdrawal.Fee, LedgerKind.WithdrawalFee, withdrawId, 0, timestamp);
        return true;
    }

    /// <summary>Cancels a pending withdrawal: releases its amount and fee, nothing is debited.</summary>
    /// <returns><see langword="false"/> when no such withdrawal is pending.</returns>
    public bool CancelWithdrawal(long withdrawId)
    {
        if (!TakeWithdrawal(withdrawId, out var withdrawal, out var account, out var ccy))
        {
            return false;
        }

        Accounts.Unlock(account, ccy, withdrawal.Amount + withdrawal.Fee);
        return true;
    }

    private bool TakeWithdrawal(long withdrawId, out PendingWithdrawal withdrawal, out Account account, out int ccy)
    {
        account = null!;
        ccy = 0;
        if (!Accounts.TryRemoveWithdrawal(withdrawId, out withdrawal))
        {
            return false;
        }

        Accounts.TryGet(withdrawal.BrokerId, withdrawal.UserId, out account);
        Accounts.TryGetCurrency(withdrawal.Currency, out ccy);
        return true;
    }
}
