using BlinkTrade.Testing.Gateway.Sessions;

namespace BlinkTrade.Testing.Faults;

/// <summary>
/// Fault injection for consumers' resilience tests: drop or close connections, delay or stall outbound frames,
/// reject the next N inbound messages. Thread-safe; effective immediately on every session.
/// </summary>
public sealed class ExchangeFaults
{
    private readonly SessionRegistry _sessions;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private TaskCompletionSource _resume = CreateResumed();

    private readonly HashSet<string> _stalledClients = new(StringComparer.Ordinal);
    private bool _stallAll;
    private volatile bool _anyStall;
    private int _rejectNext;
    private long _delayTicks;

    internal ExchangeFaults(SessionRegistry sessions, TimeProvider time)
    {
        _sessions = sessions;
        _time = time;
    }

    /// <summary>The delay applied before each outbound frame (zero by default). Uses the exchange's <see cref="TimeProvider"/>.</summary>
    public TimeSpan OutboundDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value < TimeSpan.Zero ? 0 : value.Ticks);
    }

    /// <summary>Whether outbound frames are currently held back (see <see cref="StallOutbound"/>).</summary>
    public bool IsStalled
    {
        get
        {
            lock (_gate)
            {
                return _stallAll || _stalledClients.Count > 0;
            }
        }
    }

    /// <summary>The number of open connections.</summary>
    public int ConnectionCount => _sessions.Count;

    /// <summary>Answers the next <paramref name="count"/> inbound messages (any session) with ERROR instead of handling them.</summary>
    /// <param name="count">How many messages to reject.</param>
    public void RejectNextMessages(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Interlocked.Exchange(ref _rejectNext, count);
    }

    /// <summary>
    /// Holds back outbound frames until <see cref="ResumeOutbound"/> — to every client, or only to clients at
    /// <paramref name="clientIp"/>. Sessions queue meanwhile; one that falls too far behind is disconnected.
    /// </summary>
    /// <param name="clientIp">Stall only sessions from this address; null stalls every session.</param>
    public void StallOutbound(string? clientIp = null)
    {
        lock (_gate)
        {
            if (clientIp is null)
            {
                _stallAll = true;
            }
            else
            {
                _stalledClients.Add(clientIp);
            }
            _anyStall = true;
            if (_resume.Task.IsCompleted)
            {
                _resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Releases every frame held by <see cref="StallOutbound"/>.</summary>
    public void ResumeOutbound()
    {
        lock (_gate)
        {
            _stallAll = false;
            _stalledClients.Clear();
            _anyStall = false;
            _resume.TrySetResult();
        }
    }

    /// <summary>Drops every connection abruptly (no close handshake), as a network failure would.</summary>
    /// <returns>The number of connections dropped.</returns>
    public int DropAllConnections()
    {
        var sessions = _sessions.All;
        foreach (var session in sessions)
        {
            session.Abort();
        }
        return sessions.Count;
    }

    /// <summary>Drops the connections of one user abruptly.</summary>
    /// <param name="userId">The user whose sessions are dropped.</param>
    /// <returns>The number of connections dropped.</returns>
    public int DropConnectionsOf(int userId)
    {
        var sessions = _sessions.SessionsOf(userId);
        foreach (var session in sessions)
        {
            session.Abort();
        }
        return sessions.Length;
    }

    /// <summary>Closes every connection gracefully (queued frames are sent first).</summary>
    /// <returns>The number of connections closed.</returns>
    public int CloseAllConnections()
    {
        var sessions = _sessions.All;
        foreach (var session in sessions)
        {
            session.Close();
        }
        return sessions.Count;
    }

    internal bool TryConsumeReject()
    {
        while (true)
        {
            var current = Volatile.Read(ref _rejectNext);
            if (current <= 0)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _rejectNext, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Whether <see cref="BeforeSendAsync"/> may hold a frame back (a stall or a delay is set): sessions then queue
    /// every frame for their writer instead of sending it directly.
    /// </summary>
    internal bool MayHoldOutbound => _anyStall || Interlocked.Read(ref _delayTicks) > 0;

    internal async ValueTask BeforeSendAsync(ExchangeSession session, CancellationToken cancellationToken)
    {
        Task? resume = null;
        lock (_gate)
        {
            if (_stallAll || _stalledClients.Contains(session.RemoteIp))
            {
                resume = _resume.Task;
            }
        }
        if (resume is { IsCompleted: false })
        {
            await resume.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        var delay = OutboundDelay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource CreateResumed()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }
}
