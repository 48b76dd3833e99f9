using BlinkTrade.Client.Trading;

namespace BlinkTrade.Client.Session;

/// <summary>What restoring a replacement connection did, for <see cref="SessionRecovery"/>.</summary>
/// <param name="Subscriptions">Market-data subscriptions requested again.</param>
/// <param name="Orders">The order reconciliation, or <see langword="null"/> when there was nothing to reconcile (or it failed).</param>
/// <param name="Error">Why the reconciliation or the balance refresh failed, or <see langword="null"/>.</param>
internal readonly record struct RestoreOutcome(int Subscriptions, ReconcileOutcome? Orders, Exception? Error);
