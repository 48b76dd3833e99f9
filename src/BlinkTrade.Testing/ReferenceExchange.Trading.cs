using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Matching;
using Amount = BlinkTrade.Client.Protocol.Amount;

namespace BlinkTrade.Testing;

/// <content>The control API over the engine: balances, books, orders, ledger totals.</content>
public sealed partial class ReferenceExchange
{
    /// <summary>Credits a user's balance (a completed deposit with no fee) and publishes the U3 delta.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="currency">The currency code.</param>
    /// <param name="amount">The amount (&gt; 0), e.g. <c>Amount.FromDecimal(1.5m)</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when credited.</returns>
    public Task CreditAsync(int userId, string currency, Amount amount, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        ArgumentOutOfRangeException.ThrowIfLessThan(amount.Satoshis, 1, nameof(amount));
        return _runtime.Actor.InvokeAsync(s =>
        {
            var user = s.RequireUser(userId);
            s.Engine.CreditDeposit(user.BrokerId, user.UserId, currency, amount.Satoshis, 0, 0, s.NowTicks);
            s.PublishEngineEvents();
        }, cancellationToken);
    }

    /// <summary>A user's balance in one currency (total and locked).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="currency">The currency code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The balance.</returns>
    public Task<ExchangeBalance> GetBalanceAsync(int userId, string currency, CancellationToken cancellationToken = default) =>
        _runtime.Actor.InvokeAsync(s =>
        {
            var user = s.RequireUser(userId);
            return ExchangeBalance.From(s.Engine.Accounts.GetBalance(user.BrokerId, user.UserId, currency));
        }, cancellationToken);

    /// <summary>The visible book of a symbol: bids and offers, best first.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The book.</returns>
    public Task<ExchangeBook> GetBookAsync(string symbol, CancellationToken cancellationToken = default) =>
        _runtime.Actor.InvokeAsync(s => new ExchangeBook(
            [.. s.Engine.GetBook(symbol, Side.Buy).Select(ExchangeBookEntry.From)], [.. s.Engine.GetBook(symbol, Side.Sell).Select(ExchangeBookEntry.From)]), cancellationToken);

    /// <summary>A user's open orders.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The open orders, oldest first.</returns>
    public Task<IReadOnlyList<ExchangeOrder>> GetOpenOrdersAsync(int userId, CancellationToken cancellationToken = default) =>
        _runtime.Actor.InvokeAsync<IReadOnlyList<ExchangeOrder>>(s =>
        {
            var user = s.RequireUser(userId);
            return [.. s.Engine.GetOpenOrders(user.BrokerId, user.UserId).Select(order => ExchangeOrder.From(order))];
        }, cancellationToken);

    /// <summary>The sum of every account's total in a currency (fee accounts included): deposits minus withdrawals.</summary>
    /// <param name="currency">The currency code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sum.</returns>
    public Task<Amount> GetTotalInCirculationAsync(string currency, CancellationToken cancellationToken = default) =>
        _runtime.Actor.InvokeAsync(s => new Amount(s.Engine.Accounts.TotalInCirculation(currency)), cancellationToken);

    /// <summary>Every account's balances, for invariant checks: (user id, currency) → balance.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The balances.</returns>
    public Task<IReadOnlyDictionary<(int UserId, string Currency), ExchangeBalance>> GetAllBalancesAsync(CancellationToken cancellationToken = default) =>
        _runtime.Actor.InvokeAsync<IReadOnlyDictionary<(int UserId, string Currency), ExchangeBalance>>(s =>
        {
            var result = new Dictionary<(int, string), ExchangeBalance>();
            foreach (var (brokerId, userId) in s.Engine.Accounts.AccountIds)
            {
                foreach (var (currency, balance) in s.Engine.Accounts.GetBalances(brokerId, userId))
                {
                    result[(userId, currency)] = ExchangeBalance.From(balance);
                }
            }
            return result;
        }, cancellationToken);

    /// <summary>The broker completes a deposit (created by U18): credits it and publishes U23 and U3.</summary>
    /// <param name="depositId">The DepositID from U19.</param>
    /// <param name="amount">The amount paid; null for the declared Value.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when credited.</returns>
    public Task ConfirmDepositAsync(string depositId, Amount? amount = null, CancellationToken cancellationToken = default) =>
        _runtime.Actor.InvokeAsync(s => s.CompleteDeposit(depositId, amount?.Satoshis), cancellationToken);

    /// <summary>The broker cancels a deposit that was not completed.</summary>
    /// <param name="depositId">The DepositID.</param>
    /// <param name="reason">A reason shown to the user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when cancelled.</returns>
    public Task CancelDepositAsync(string depositId, string? reason = null, CancellationToken cancellationToken = default) =>
        _runtime.Actor.InvokeAsync(s => s.CancelDeposit(depositId, reason), cancellationToken);

    /// <summary>The broker processes a withdrawal: progress (debit), complete, or cancel (unlock). Publishes U9 and U3.</summary>
    /// <param name="withdrawId">The WithdrawID from U7.</param>
    /// <param name="action">What to do.</param>
    /// <param name="reason">A reason for a cancel.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new status ("2", "4" or "8").</returns>
    public Task<string> ProcessWithdrawalAsync(long withdrawId, WithdrawalAction action, string? reason = null, CancellationToken cancellationToken = default) =>
        _runtime.Actor.InvokeAsync(s => s.ProcessWithdrawal(withdrawId, action, reason).Status, cancellationToken);

    /// <summary>The confirmation token U6 would have emailed (for U24), or null.</summary>
    /// <param name="withdrawId">The WithdrawID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token or null.</returns>
    public Task<string?> GetWithdrawalConfirmationTokenAsync(long withdrawId, CancellationToken cancellationToken = default) =>
        _runtime.Actor.InvokeAsync(s => s.Withdrawals.GetValueOrDefault(withdrawId)?.ConfirmationToken, cancellationToken);

    /// <summary>The comments the user added to a withdrawal with U78, oldest first (empty when none or unknown).</summary>
    /// <param name="withdrawId">The WithdrawID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The comments.</returns>
    public Task<IReadOnlyList<string>> GetWithdrawalCommentsAsync(long withdrawId, CancellationToken cancellationToken = default) =>
        _runtime.Actor.InvokeAsync<IReadOnlyList<string>>(s => s.Withdrawals.GetValueOrDefault(withdrawId)?.Comments.ToArray() ?? [], cancellationToken);

    partial void SeedBalances(int userId, SeedUser user, List<Task> pending, CancellationToken cancellationToken)
    {
        foreach (var (currency, amount) in user.Balances)
        {
            if (amount > 0)
            {
                pending.Add(CreditAsync(userId, currency, new Amount(amount), cancellationToken));
            }
        }
    }
}
