using System.Collections.Concurrent;
using System.Diagnostics;

namespace BlinkTrade.RestSoak.Bot;

/// <summary>The bot's transport (the innermost handler, inside the client's retry, timeout and signing handlers): a
/// <see cref="SocketsHttpHandler"/> that times every attempt, so the audit can check that no attempt outlived its
/// timeout on the wire (a request that ignores its cancellation would hang here).</summary>
internal sealed class AttemptTimer(string flow) : DelegatingHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
{
    public ConcurrentQueue<(string Flow, double Ms, string Outcome)> Attempts { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Attempts.Enqueue((flow, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return response;
        }
        catch (Exception e)
        {
            Attempts.Enqueue((flow, Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name));
            throw;
        }
    }
}
