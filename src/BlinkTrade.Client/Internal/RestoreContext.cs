using BlinkTrade.Client.Session;
using BlinkTrade.Client.Trading;

namespace BlinkTrade.Client.Internal;

/// <summary>What the features did while restoring one new connection (see <see cref="IClientFeature.RestoreAsync"/>),
/// in their order: the session logs in, market data resubscribes, trading reconciles, the account refreshes.</summary>
/// <param name="isReconnect">Whether the connection replaces a lost one.</param>
internal sealed class RestoreContext(bool isReconnect)
{
    /// <summary>Whether the connection replaces a lost one (reconciliation only matters after a gap).</summary>
    public bool IsReconnect { get; } = isReconnect;

    /// <summary>Whether the session logged in on this connection.</summary>
    public bool LoggedIn { get; set; }

    /// <summary>Market-data subscriptions requested again.</summary>
    public int Subscriptions { get; set; }

    /// <summary>The order reconciliation, when one ran and succeeded.</summary>
    public ReconcileOutcome? Orders { get; set; }

    /// <summary>The first failure of a restore step that did not block the reconnect.</summary>
    public Exception? Error { get; private set; }

    /// <summary>Records a failure that did not block the reconnect (the first one is kept).</summary>
    public void Failed(Exception error) => Error ??= error;

    /// <summary>The outcome for <see cref="SessionRecovery"/>.</summary>
    public RestoreOutcome ToOutcome() => new(Subscriptions, Orders, Error);
}
