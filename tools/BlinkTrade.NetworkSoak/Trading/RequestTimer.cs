using System.Collections.Concurrent;
using System.Diagnostics;
using BlinkTrade.Client;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Trading;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.NetworkSoak.Trading;

/// <summary>Runs every request of the workload and times it: the audit checks that none outlived its timeout and that
/// a request failed by a lost connection failed when the loss was reported, not later.</summary>
internal sealed class RequestTimer(SoakLog log, BlinkTradeClient alice)
{
    private int _answeredAfterRelogin;

    public ConcurrentQueue<RequestTiming> Timings { get; } = new();

    /// <summary>alice's requests that failed with ConnectionClosedException: when (ms on the log's clock).</summary>
    public ConcurrentQueue<double> ClosedFailuresMs { get; } = new();

    /// <summary>alice's requests issued while she was reconnecting and answered on the new session.</summary>
    public int AnsweredAfterRelogin => Volatile.Read(ref _answeredAfterRelogin);

    /// <summary>Records a time measured by the caller (the pages of a paged list, timed one by one).</summary>
    public void Record(string who, string kind, TimeSpan elapsed, string outcome) =>
        Timings.Enqueue(new RequestTiming(who, kind, elapsed.TotalMilliseconds, outcome, log.Elapsed.TotalSeconds));

    /// <summary>Runs <paramref name="call"/>; a failure is recorded and swallowed (the workload goes on), the result
    /// is default then.</summary>
    public async Task<T?> TimeAsync<T>(string who, string kind, Func<Task<T>> call)
    {
        var watch = Stopwatch.StartNew();
        var issuedWhileReconnecting = who == "alice" && alice.State == ConnectionState.Reconnecting;
        try
        {
            var result = await call();
            if (issuedWhileReconnecting)
            {
                Interlocked.Increment(ref _answeredAfterRelogin);
            }
            Record(who, kind, watch.Elapsed, "ok");
            return result;
        }
        catch (Exception e)
        {
            var elapsed = watch.Elapsed;
            Record(who, kind, elapsed, e.GetType().Name);
            if (e is ConnectionClosedException && who == "alice")
            {
                ClosedFailuresMs.Enqueue(log.Elapsed.TotalMilliseconds);
            }
            // The failures a faulty network is expected to cause are counted, not logged one by one.
            if (e is not (ConnectionClosedException or BlinkTradeTimeoutException or OrderCancelRejectedException))
            {
                log.Write($"{who} {kind} failed after {elapsed.TotalMilliseconds:F0} ms: {e.GetType().Name}: {e.Message}", echo: false);
            }
            return default;
        }
    }
}
