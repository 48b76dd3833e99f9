namespace BlinkTrade.Testing.Matching;

/// <content>Deposits and withdrawals: commands of the risk engine, run as engine commands so their balance changes land in
/// <see cref="Events"/> (PROTOCOL.md §2.5, §2.7, §5 G24).</content>
internal sealed partial class MatchingEngine
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
        Events.Clear();
        _risk.CreditDeposit(brokerId, userId, currency, amount, fee, depositId, timestamp);
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
        Events.Clear();
        return _risk.RequestWithdrawal(withdrawId, brokerId, userId, currency, amount, fee);
    }

    /// <summary>Completes a pending withdrawal: unlocks and debits the amount (<c>W</c>) and moves the fee (<c>WF</c>) to the broker's fee account.</summary>
    /// <param name="withdrawId">Withdrawal id.</param>
    /// <param name="timestamp">Caller's clock.</param>
    /// <returns><see langword="false"/> when no such withdrawal is pending.</returns>
    public bool CompleteWithdrawal(long withdrawId, long timestamp = 0)
    {
        Events.Clear();
        return _risk.CompleteWithdrawal(withdrawId, timestamp);
    }

    /// <summary>Cancels a pending withdrawal: unlocks its amount and fee, nothing is debited.</summary>
    /// <param name="withdrawId">Withdrawal id.</param>
    /// <returns><see langword="false"/> when no such withdrawal is pending.</returns>
    public bool CancelWithdrawal(long withdrawId)
    {
        Events.Clear();
        return _risk.CancelWithdrawal(withdrawId);
    }
}
