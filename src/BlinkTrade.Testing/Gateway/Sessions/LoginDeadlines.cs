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
/// the client's fault); a failed attempt starts a fresh one.
/// </summary>
internal sealed class LoginDeadlines : IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;
    private readonly ExchangeActor<ExchangeState> _actor;
    private readonly ILogger _logger;
    private readonly CancellationToken _shutdown;
    private readonly ConcurrentDictionary<long, ITimer> _timers = new();

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

    /// <summary>The session logged in, ended, or is waiting for its password check: no deadline (until <see cref="Start"/>).</summary>
    public void Clear(ExchangeSession session)
    {
        if (_timers.TryRemove(session.Id, out var timer))
        {
            timer.Dispose();
        }
    }

    public void Dispose()
    {
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
