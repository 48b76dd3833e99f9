using System.Collections.Concurrent;
using BlinkTrade.Testing.Gateway.Engine;
using BlinkTrade.Testing.Gateway.Wire;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.Testing.Gateway.Sessions;

/// <summary>
/// One timer per new session, on the exchange's clock: a session that has not logged in by
/// <see cref="ReferenceExchangeOptions.LoginTimeout"/> gets ERROR "Session timeout" and is closed — unless it follows
/// market data, which anonymous clients may do (PROTOCOL.md §1.5). A login (or signup) clears the timer for good.
/// While a login attempt waits for its password check the deadline is paused (a login queued behind a burst is not
/// the client's fault); a failed attempt starts a fresh one — before its refusal is sent, so the fresh deadline runs
/// from the moment the client could know of the failure, never from a later one.
/// </summary>
internal sealed class LoginDeadlines : IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private readonly ExchangeActor<ExchangeState> _actor;
    private readonly ILogger _logger;
    private readonly CancellationToken _shutdown;
    private readonly ConcurrentDictionary<long, ITimer> _timers = new();
    private readonly ConcurrentDictionary<long, byte> _paused = new();

    public LoginDeadlines(TimeSpan timeout, TimeProvider timeProvider, ExchangeActor<ExchangeState> actor, ILogger logger, CancellationToken shutdown)
    {
        _timeout = timeout;
        _timeProvider = timeProvider;
        _actor = actor;
        _logger = logger;
        _shutdown = shutdown;
    }

    public int Count => _timers.Count;

    public void Start(ExchangeSession session)
    {
        var timeout = _timeout;
        if (timeout <= TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan)
        {
            return;
        }
        var timer = _timeProvider.CreateTimer(_ => _ = ExpireAsync(session, timeout), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Clear(session);
        _timers[session.Id] = timer;
        // Armed only once registered, so a very short timeout cannot fire before Clear could find it.
        timer.Change(timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The session logged in or ended: no deadline (until <see cref="Start"/>).</summary>
    public void Clear(ExchangeSession session)
    {
        _paused.TryRemove(session.Id, out _);
        if (_timers.TryRemove(session.Id, out var timer))
        {
            timer.Dispose();
        }
    }

    /// <summary>A login attempt waits for its password check: no deadline until <see cref="Resume"/>.</summary>
    public void Pause(ExchangeSession session)
    {
        Clear(session);
        _paused[session.Id] = 0;
    }

    /// <summary>
    /// The paused attempt failed (or ended without logging in): a fresh deadline from now, once — a later call finds
    /// nothing paused. Called before the refusal is sent, so a client that reads the refusal and then lets the clock
    /// run sees the full timeout from the refusal.
    /// </summary>
    public void Resume(ExchangeSession session)
    {
        if (_paused.TryRemove(session.Id, out _) && session.Identity is null && !session.IsClosed)
        {
            Start(session);
        }
    }

    public void Dispose()
    {
        _paused.Clear();
        foreach (var id in _timers.Keys)
        {
            if (_timers.TryRemove(id, out var timer))
            {
                timer.Dispose();
            }
        }
    }

    private async Task ExpireAsync(ExchangeSession session, TimeSpan timeout)
    {
        if (!_timers.TryRemove(session.Id, out var timer))
        {
            return;
        }
        timer.Dispose();
        if (session.Identity is not null || session.IsClosed)
        {
            return;
        }
        try
        {
            if (await _actor.InvokeAsync(s => s.MarketData.HasSubscriptions(session), _shutdown).ConfigureAwait(false))
            {
                return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or System.Threading.Channels.ChannelClosedException)
        {
            return; // The exchange is stopping.
        }
        if (session.Identity is null && !session.IsClosed)
        {
            var seconds = (int)timeout.TotalSeconds;
            GatewayLog.LoginTimeout(_logger, session.Id, seconds);
            session.Send(FrameEncoder.Error(GatewayErrors.SessionTimeout, $"Not logged in within {seconds} seconds", null));
            session.Close();
        }
    }
}
