using BlinkTrade.Testing.Accounts;

namespace BlinkTrade.Testing.Matching;

/// <content>Deposits and withdrawals: the balance primitives the gateway's deposit/withdraw flows need (PROTOCOL.md §2.5, §2.7, §5 G24).</content>
public sealed partial class MatchingEngine
{
    /// <summary>
    /// Credits a completed deposit: <c>D</c> credit of <paramref name="amount"/>, then a <c>DF</c> transfer of
    /// <paramref name="fee"/> to the broker's fee account.
    /// </summary>
    /// <param name="brokerId">Broker of the account.</param>
    /// <param name="userId">User.</param>
    /// <param name="currency">Currency code (registered if new).</param>
    /// <param name="amount">Amount paid in, satoshis, &gt; 0.</param>
    /// <param name="fee">Deposit fee, 0 … <paramref name="amount"/>; needs a registered broker when &gt; 0.</param>
    /// <param name="depositId">Deposit id, the ledger <c>Reference</c>.</param>
    /// <param name="timestamp">Caller's clock.</param>
    public void CreditDeposit(int brokerId, int userId, string currency, long amount, long fee = 0, long depositId = 0, long timestamp = 0)
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

        Events.Clear();
        var account = Accounts.GetOrOpen(brokerId, userId);
        var ccy = Accounts.GetOrAddCurrency(currency);
        Accounts.Post(account, ccy, LedgerOperation.Credit, amount, 0, LedgerKind.Deposit, feeAccount, depositId, 0, timestamp);
        if (fee > 0)
        {
            Accounts.ChargeFee(account, ccy, fee, LedgerKind.DepositFee, depositId, 0, timestamp);
        }
    }

    /// <summary>
    /// Starts a withdrawal: locks <paramref name="amount"/> + <paramref name="fee"/> (G24: locked from the request on).
    /// </summary>
    /// <param name="withdrawId">Withdrawal id (unique).</param>
    /// <param name="brokerId">Broker of the account.</param>
    /// <param name="userId">User.</param>
    /// <param name="currency">Currency code.</param>
    /// <param name="amount">Amount to pay out, &gt; 0.</param>
    /// <param name="fee">Withdrawal fee, ≥ 0.</param>
    /// <returns><see langword="false"/> (nothing changed) when the available balance is insufficient, the id is in use, or a fee is asked
    /// of a broker without a fee account.</returns>
    public bool RequestWithdrawal(long withdrawId, int brokerId, int userId, string currency, long amount, long fee = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(fee);
        Events.Clear();
        if (!Accounts.TryGet(brokerId, userId, out var account) || !Accounts.TryGetCurrency(currency, out var ccy))
        {
            return false;
        }

        var total = checked(amount + fee);
        if ((fee > 0 && Accounts.BrokerFeeAccount(brokerId) is null) || Accounts.Available(account, ccy) < total || !Accounts.TryAddWithdrawal(new PendingWithdrawal(withdrawId, brokerId, userId, currency, amount, fee)))
        {
            return false;
        }

        Accounts.Lock(account, ccy, total);
        return true;
    }

    /// <summary>Completes a pending withdrawal: unlocks and debits the amount (<c>W</c>) and moves the fee (<c>WF</c>) to the broker's fee account.</summary>
    /// <param name="withdrawId">Withdrawal id.</param>
    /// <param name="timestamp">Caller's clock.</param>
    /// <returns><see langword="false"/> when no such withdrawal is pending.</returns>
    public bool CompleteWithdrawal(long withdrawId, long timestamp = 0)
    {
        Events.Clear();
        if (!Accounts.TryRemoveWithdrawal(withdrawId, out var withdrawal))
        {
            return false;
        }

        Accounts.TryGet(withdrawal.BrokerId, withdrawal.UserId, out var account);
        Accounts.TryGetCurrency(withdrawal.Currency, out var ccy);
        Accounts.Post(account, ccy, LedgerOperation.Debit, withdrawal.Amount, withdrawal.Amount + withdrawal.Fee, LedgerKind.Withdrawal,
            Accounts.BrokerFeeAccount(withdrawal.BrokerId), withdrawId, 0, timestamp);
        Accounts.ChargeFee(account, ccy, withdrawal.Fee, LedgerKind.WithdrawalFee, withdrawId, 0, timestamp);
        return true;
    }

    /// <summary>Cancels a pending withdrawal: unlocks its amount and fee, nothing is debited.</summary>
    /// <param name="withdrawId">Withdrawal id.</param>
    /// <returns><see langword="false"/> when no such withdrawal is pending.</returns>
    public bool CancelWithdrawal(long withdrawId)
    {
        Events.Clear();
        if (!Accounts.TryRemoveWithdrawal(withdrawId, out var withdrawal))
        {
            return false;
        }

        Accounts.TryGet(withdrawal.BrokerId, withdrawal.UserId, out var account);
        Accounts.TryGetCurrency(withdrawal.Currency, out var ccy);
        Accounts.Unlock(account, ccy, withdrawal.Amount + withdrawal.Fee);
        return true;
    }
}
