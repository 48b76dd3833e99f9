namespace BlinkTrade.Testing.Accounts;

/// <summary>A withdrawal whose amount and fee are locked, waiting to be completed or cancelled (PROTOCOL.md §5 G24).</summary>
/// <param name="WithdrawId">Withdrawal id.</param>
/// <param name="BrokerId">Broker of the account.</param>
/// <param name="UserId">User (account).</param>
/// <param name="Currency">Currency code.</param>
/// <param name="Amount">Amount paid out.</param>
/// <param name="Fee">Fee credited to the broker's fee account.</param>
internal sealed record PendingWithdrawal(long WithdrawId, int BrokerId, int UserId, string Currency, long Amount, long Fee);
