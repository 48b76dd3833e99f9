using System.Collections.Concurrent;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using BlinkTrade.Client;
using BlinkTrade.Client.MarketData;
using BlinkTrade.NetworkSoak.Trading;
using BlinkTrade.Testing;

namespace BlinkTrade.NetworkSoak.MarketData;

/// <summary>Compares alice's book with the exchange's at moments when it must be equal. During the run, every
/// <c>interval</c> the traders are paused (<see cref="MarketPause"/>) while the faults go on; after the run, once.
/// One attempt: read the exchange's book (on its actor), ping on alice's connection — her answer comes after every X
/// the exchange sent before it, on the same ordered connection — take her current books (a new subscriber of a state
/// stream gets the latest book at once), read the exchange's book again. Her full book equal to the exchange's and her
/// top-5 book equal to its first 5 orders per side: matched. A book that differs is
/// a failure only when it keeps differing, attempt after attempt for the whole sample, while she is logged in, her
/// pings come back on one connection and the exchange's book does not move; anything else (a link down or replaced,
/// a W not yet arrived, a frozen order landing in the pause) is inconclusive.</summary>
internal sealed class BookSampler(SoakLog log, BlinkTradeClient alice, ReferenceExchange exchange, MarketPause pause, SessionRecorder session)
{
    /// <summary>Consecutive clean attempts that must all differ before a sample counts as a broken promise.</summary>
    private const int DifferingAttempts = 3;
    private static readonly TimeSpan AttemptGap = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(15);

    public ConcurrentQueue<BookSample> Samples { get; } = new();

    /// <summary>Samples every <paramref name="interval"/> until <paramref name="stop"/>, each for at most <paramref name="window"/>.</summary>
    public async Task RunAsync(TimeSpan interval, TimeSpan window, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var paused = log.Elapsed;
            try
            {
                var sample = await pause.PauseAsync(DrainLimit)
                    ? await SampleAsync(window)
                    : new BookSample(log.Elapsed.TotalSeconds, BookSampleOutcome.Inconclusive, "the traders did not stop within " + DrainLimit.TotalSeconds + " s", -1);
                Samples.Enqueue(sample);
                log.Write($"book sample at {sample.At:F0}s: {sample.Outcome} ({sample.Detail}; {sample.Orders} orders; paused {(log.Elapsed - paused).TotalSeconds:F1} s)", echo: sample.Outcome == BookSampleOutcome.Differed);
            }
            finally
            {
                pause.Resume();
            }
        }
    }

    /// <summary>Attempts until the books match or <paramref name="window"/> ends.</summary>
    public async Task<BookSample> SampleAsync(TimeSpan window)
    {
        var start = log.Elapsed;
        var deadline = start + window;
        var differing = 0;
        string last = "no attempt";
        var orders = -1;
        while (true)
        {
            var (outcome, detail, count) = await AttemptAsync(deadline);
            orders = count >= 0 ? count : orders;
            if (outcome == BookSampleOutcome.Matched)
            {
                return new BookSample(start.TotalSeconds, outcome, $"matched after {(log.Elapsed - start).TotalMilliseconds:F0} ms", orders);
            }
            differing = outcome == BookSampleOutcome.Differed ? differing + 1 : 0;
            last = detail;
            if (log.Elapsed + AttemptGap >= deadline)
            {
                return new BookSample(start.TotalSeconds, differing >= DifferingAttempts ? BookSampleOutcome.Differed : BookSampleOutcome.Inconclusive,
                    differing >= DifferingAttempts ? $"{differing} clean attempts in a row differed, the last: {last}" : last, orders);
            }
            await Task.Delay(AttemptGap);
        }
    }

    private async Task<(BookSampleOutcome Outcome, string Detail, int Orders)> AttemptAsync(TimeSpan deadline)
    {
        if (alice.State != ConnectionState.LoggedIn)
        {
            return (BookSampleOutcome.Inconclusive, "alice " + alice.State, -1);
        }
        var connection = session.ConnectionsLost;
        using var limit = new CancellationTokenSource(deadline - log.Elapsed > TimeSpan.Zero ? deadline - log.Elapsed : TimeSpan.Zero);
        try
        {
            var before = await exchange.GetBookAsync(TradingPrices.Symbol);
            var orders = before.Bids.Count + before.Offers.Count;
            await alice.PingAsync(limit.Token);
            var book = await alice.ObserveOrderBook(TradingPrices.Symbol).FirstAsync().ToTask(limit.Token);
            var top = await alice.ObserveOrderBook(TradingPrices.Symbol, MarketDataRecorder.TopOptions).FirstAsync().ToTask(limit.Token);
            var after = await exchange.GetBookAsync(TradingPrices.Symbol);
            if (!BookComparison.Same(before, after))
            {
                return (BookSampleOutcome.Inconclusive, "the exchange's book moved during the attempt", orders);
            }
            var difference = BookComparison.Difference(book, before);
            if (difference is null && BookComparison.Difference(top, before, MarketDataRecorder.TopDepth) is { } topDifference)
            {
                difference = $"top-{MarketDataRecorder.TopDepth} book: {topDifference}";
                book = top;
            }
            if (difference is null)
            {
                return (BookSampleOutcome.Matched, "", orders);
            }
            // Differed on a clean attempt only if her link stayed the same and logged in throughout.
            var clean = session.ConnectionsLost == connection && alice.State == ConnectionState.LoggedIn;
            return (clean ? BookSampleOutcome.Differed : BookSampleOutcome.Inconclusive,
                $"{difference} (book seq {book.Sequence}{(book.IsReset ? ", reset" : "")}, {book.Bids.Count}+{book.Asks.Count} orders)", orders);
        }
        catch (Exception e) when (e is BlinkTradeException or OperationCanceledException)
        {
            return (BookSampleOutcome.Inconclusive, "ping: " + e.GetType().Name, -1);
        }
    }
}
