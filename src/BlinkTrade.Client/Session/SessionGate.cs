using BlinkTrade.Client.Transport;

namespace BlinkTrade.Client.Session;

/// <summary>
/// Where the application's requests wait for a session they may use: open, logged in again and restored
/// (resubscribed, reconciled) after a reconnect. While the client is connecting or reconnecting a request waits here
/// (within its own timeout) instead of failing or, worse, reaching the new connection before the re-login; when
/// the client is not connected it fails at once. The client's own recovery (login, resubscribe, reconciliation) uses
/// the new session directly and never waits here.
/// </summary>
internal sealed class SessionGate
{
    private Snapshot _state = Snapshot.Closed("The client is not connected.", null);

    /// <summary>The session requests may use now, or <see langword="null"/> when they must wait or fail.</summary>
    public SessionConnection? Ready => Volatile.Read(ref _state) is { Kind: GateKind.Open, Session: { IsOpen: true } session } ? session : null;

    /// <summary>The session is ready: waiting requests go.</summary>
    public void Open(SessionConnection session) => Move(new Snapshot(GateKind.Open, session, null, null));

    /// <summary>Connecting or reconnecting: requests wait.</summary>
    public void Hold() => Move(new Snapshot(GateKind.Holding, null, null, null));

    /// <summary>Not connected and not trying to be: requests fail with <see cref="ConnectionClosedException"/>.</summary>
    public void Close(string reason, Exception? cause) => Move(Snapshot.Closed(reason, cause));

    /// <summary>Waits for a ready session.</summary>
    /// <exception cref="TimeoutException">None within <paramref name="timeout"/>.</exception>
    /// <exception cref="ConnectionClosedException">The client is not connected, or stopped trying.</exception>
    public async ValueTask<SessionConnection> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var state = Volatile.Read(ref _state);
            switch (state)
            {
                case { Kind: GateKind.Open, Session: { IsOpen: true } session }:
                    return session;
                case { Kind: GateKind.Closed }:
                    throw state.Cause is { } cause ? new ConnectionClosedException(state.Reason!, cause) : new ConnectionClosedException(state.Reason!);
            }
            // Holding, or open on a connection that just ended (the client is about to hold or close): wait for the next move.
            if (timeout == Timeout.InfiniteTimeSpan)
            {
                await state.Changed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }
            var left = timeout - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException();
            }
            await state.Changed.Task.WaitAsync(left, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Move(Snapshot next)
    {
        var previous = Interlocked.Exchange(ref _state, next);
        previous.Changed.TrySetResult();
    }

    private enum GateKind
    {
        Holding,
        Open,
        Closed,
    }

    private sealed record Snapshot(GateKind Kind, SessionConnection? Session, string? Reason, Exception? Cause)
    {
        public TaskCompletionSource Changed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static Snapshot Closed(string reason, Exception? cause) => new(GateKind.Closed, null, reason, cause);
    }
}
