using BlinkTrade.Client.Session;

namespace BlinkTrade.Client.Internal;

/// <summary>
/// One feature of the client (session, market data, trading, account): it registers the inbound messages it handles
/// in the one <see cref="MessageRouter"/>, and takes part in the connection's life cycle. The
/// <see cref="ClientCore"/> calls the features in the order they were attached.
/// </summary>
internal interface IClientFeature
{
    /// <summary>Registers the handlers of the messages this feature owns (called once, before the first connection).
    /// Handlers run on the receive loop: quick, non-blocking, and not throwing.</summary>
    void Register(MessageRouter router);

    /// <summary>On a new connection, before requests that waited for it go out: log in again, resubscribe, reconcile.</summary>
    Task RestoreAsync(SessionConnection session, RestoreContext context, CancellationToken cancellationToken);

    /// <summary>The connection was lost (before any replacement is opened).</summary>
    void OnConnectionLost();

    /// <summary>The client is disposed: complete the feature's streams and fail its waiters.</summary>
    void Complete();
}
