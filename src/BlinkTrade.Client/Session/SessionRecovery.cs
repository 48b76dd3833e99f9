namespace BlinkTrade.Client;

/// <summary>
/// A completed recovery from a lost connection, published by <see cref="IBlinkTradeClient.Recoveries"/> once the
/// replacement connection is logged in, its subscriptions are requested again, its orders are reconciled (the
/// synthesized reports and fills already published) and its balances are read again: from then on the client's view
/// is whole (when <see cref="IsComplete"/>). Order books arrive as fresh snapshots with <c>IsReset</c> shortly after.
/// </summary>
/// <param name="DisconnectedAt">When the lost connection was noticed (the client's <see cref="TimeProvider"/>).</param>
/// <param name="RecoveredAt">When the recovery completed.</param>
/// <param name="Reason">Why the connection was lost; never contains credentials.</param>
/// <param name="Attempts">Connection attempts it took (1 when the first reconnect succeeded).</param>
/// <param name="SubscriptionsRestored">Market-data subscriptions (books, tickers) requested again.</param>
/// <param name="OrdersChecked">Order-list rows read to reconcile orders (0 when there was nothing to reconcile).</param>
/// <param name="OrdersReconciled">Orders that changed during the gap and got synthesized reports.</param>
/// <param name="ReportsSynthesized">Execution reports synthesized by the reconciliation (<see cref="Protocol.ExecutionReport.IsSynthesized"/>).</param>
/// <param name="FillsSynthesized">Of those, the reports carrying a missed fill (each also published on <see cref="IBlinkTradeClient.Fills"/>).</param>
/// <param name="Error">Why the reconciliation or the balance refresh failed (the server refused or timed out), or
/// <see langword="null"/>; live reports still flow and the next reconnect reconciles again.</param>
public sealed record SessionRecovery(
    DateTimeOffset DisconnectedAt,
    DateTimeOffset RecoveredAt,
    string Reason,
    int Attempts,
    int SubscriptionsRestored,
    int OrdersChecked,
    int OrdersReconciled,
    int ReportsSynthesized,
    int FillsSynthesized,
    Exception? Error)
{
    /// <summary>How long the session was down: from the loss to the completed recovery.</summary>
    public TimeSpan Downtime => RecoveredAt - DisconnectedAt;

    /// <summary>Whether every step succeeded, so the client's orders and balances match the exchange's.</summary>
    public bool IsComplete => Error is null;
}
