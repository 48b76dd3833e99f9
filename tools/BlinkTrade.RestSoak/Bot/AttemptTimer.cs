using System.Collections.Concurrent;
using System.Diagnostics;

namespace BlinkTrade.RestSoak.Bot;

/// <summary>The bot's transport (the innermost handler, inside the client's retry, timeout and signing handlers): a
/// <see cref="SocketsHttpHandler"/> that times every attempt, so the audit can check that no attempt outlived its
/// timeout on the wire (a request that ignores its cancellation would hang here).</summary>
internal sealed class AttemptTimer(string flow, SoakLog log) : DelegatingHandler(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
{
    private int _inFlight;
    private int _maxInFlight;

    public ConcurrentQueue<(string Flow, double Ms, string Outcome)> Attempts { get; } = new();

    /// <summary>The most attempts this client had on the wire at once: 1 when its calls go out one at a time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // An order's every attempt, with its nonce and answer, goes to the log: what the exchange saw can be told apart.
        var order = request.Content is { } content && (await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)) is var body
            && body.Contains("\"MsgType\":\"D\"", StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Match(body, "\"ClOrdID\":\"([^\"]*)\"").Groups[1].Value
            : null;
        var nonce = request.Headers.TryGetValues("Nonce", out var values) ? string.Join(",", values) : "-";
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); inFlight > max; max = Volatile.Read(ref _maxInFlight))
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) == max)
            {
                break;
            }
        }
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Attempts.Enqueue((flow, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (order is not null)
            {
                log.Write($"attempt {flow} order {order} nonce {nonce}: HTTP {(int)response.StatusCode} after {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms", echo: false);
            }
            return response;
        }
        catch (Exception e)
        {
            Attempts.Enqueue((flow, Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name));
            if (order is not null)
            {
                log.Write($"attempt {flow} order {order} nonce {nonce}: {e.GetType().Name} after {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms: {e.Message}", echo: false);
            }
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
