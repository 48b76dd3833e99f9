using System.Globalization;
using System.Net;
using BlinkTrade.Client;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.NetworkSoak.Audit;
using BlinkTrade.NetworkSoak.MarketData;
using BlinkTrade.NetworkSoak.Trading;
using BlinkTrade.Testing;

namespace BlinkTrade.NetworkSoak;

/// <summary>One soak, start to verdict:
/// <code>
/// alice (reconnect on, BTCUSD book/trades/ticker) ──ws──> ChaosProxy ──tcp──> ReferenceExchange (Kestrel, loopback)
/// bob                  ──ws─────────────────────> same exchange (direct)
/// auditor (a fresh alice session, after the run) ─> same exchange (direct): the truth
/// </code>
/// Everything runs in this process over real loopback sockets, so the faults are real TCP faults.</summary>
internal sealed class SoakRun(SoakSettings settings, SoakLog log)
{
    private const int AliceWorkers = 3;
    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(15);
    /// <summary>How often the traders pause so alice's book can be compared with the exchange's, and for how long at most.</summary>
    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SampleWindow = TimeSpan.FromSeconds(6);

    /// <summary>The clients' RequestTimeout: <c>--timeout</c>, or with <c>--client-defaults</c> the client's shipped one
    /// (the options then ignore <c>--timeout</c>, so the audit must not hold them to it).</summary>
    private TimeSpan RequestTimeout => settings.ClientDefaults ? new BlinkTradeClientOptions().RequestTimeout : settings.RequestTimeout;

    public async Task<int> RunAsync()
    {
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions
        {
            EnableWebSocketServer = true,
            WebSocketPort = 0,
            Seed = SoakSeed.Create(),
            PasswordHashIterations = SoakSeed.PasswordHashIterations,
        });
        var direct = exchange.WebSocketUri!;
        await using var proxy = new ChaosProxy(new IPEndPoint(IPAddress.Loopback, direct.Port), settings.Seed, log);
        proxy.Start();
        var viaProxy = new UriBuilder(direct) { Port = proxy.Port }.Uri;
        log.Write($"exchange {direct}, chaos proxy {viaProxy}; seed {settings.Seed}, {settings.Duration.TotalMinutes:F1} min, " +
                  $"{(settings.ClientDefaults ? "client defaults" : "short heartbeats")}, RequestTimeout {RequestTimeout.TotalSeconds} s");

        await using var alice = new BlinkTradeClient(SoakClientOptions.For(viaProxy, "alice", settings.ClientDefaults, settings.RequestTimeout));
        await using var bob = new BlinkTradeClient(SoakClientOptions.For(direct, "bob", settings.ClientDefaults, settings.RequestTimeout));
        var recorder = new SessionRecorder(log, alice, bob);
        var timer = new RequestTimer(log, alice);
        await alice.ConnectAsync();
        await bob.ConnectAsync();
        await alice.GetBalancesAsync(); // the balances stream is kept fresh from now on
        log.Write("both logged in");
        // alice follows the market she trades for the whole run, through the same faults: a trader's usual set-up,
        // and her reconnects then renew the subscriptions next to the order reconciliation and the pacing.
        using var marketData = new MarketDataRecorder(log, alice);
        var pause = new MarketPause();
        var sampler = new BookSampler(log, alice, exchange, pause, recorder);

        var aliceWorkload = new AliceWorkload(alice, timer, settings.Seed, pause);
        using (var stopTrading = new CancellationTokenSource(settings.Duration))
        using (var stopFaults = new CancellationTokenSource())
        {
            var faults = new FaultInjector(proxy, settings.Weights, settings.Seed, settings.Faults).RunAsync(stopFaults.Token);
            var progress = log.WriteEveryAsync(ProgressInterval, () =>
                $"progress: {aliceWorkload.OrdersSent} orders sent, {recorder.Fills.Count} fills ({recorder.Fills.Count(f => f.IsSynthesized)} synthesized), " +
                $"{recorder.Recoveries.Count} recoveries, alice {alice.State}", stopTrading.Token);
            var sampling = sampler.RunAsync(SampleInterval, SampleWindow, stopTrading.Token);
            await Task.WhenAll(aliceWorkload.RunAsync(AliceWorkers, stopTrading.Token), new BobWorkload(bob, timer, settings.Seed, pause).RunAsync(stopTrading.Token));
            await sampling;
            log.Write($"trading stopped after {log.Elapsed.TotalSeconds:F0} s: no new faults (the ones running end on their own)");
            await stopFaults.CancelAsync();
            await faults;
            await progress;
        }
        // Only now can nothing alice sent during the run still be on its way: a freeze that outlived the connection it
        // froze delivers its orders when it ends (the exchange still reads that connection), and they trade then.
        await proxy.WaitForFaultsToEndAsync();
        log.Write($"every fault over after {log.Elapsed.TotalSeconds:F0} s");
        log.Write("proxy: " + proxy.Counters, echo: false);

        if (!await SettleAsync(alice))
        {
            log.Write($"FAIL: alice did not settle within {SettleLimit.TotalMinutes} min after the faults stopped");
            return SoakExitCodes.RunFailed;
        }
        await Task.Delay(TimeSpan.FromSeconds(2)); // subscriber queues drain
        log.Write("settled");

        // The truth, from a clean session connected directly.
        await using var auditor = new BlinkTradeClient(SoakClientOptions.For(direct, "alice", settings.ClientDefaults, settings.RequestTimeout));
        await auditor.ConnectAsync();
        var truth = await ExchangeTruth.ReadAsync(auditor);
        log.Write($"truth: {truth.Orders.Count} orders, {truth.Trades.Count} trades listed, {truth.Ledger.Count} ledger rows, account {truth.AccountId}");
        var directBook = await auditor.GetOrderBookAsync(TradingPrices.Symbol);
        var results = new List<CheckResult>(new SoakAudit(log, alice, recorder, timer, truth, RequestTimeout).Run());
        var marketAudit = new MarketDataAudit(log, alice, exchange, marketData, sampler, recorder);
        results.AddRange(await marketAudit.RunAsync(directBook, truth.Trades));

        WriteSummary(proxy.Counters, aliceWorkload, recorder, timer, truth, marketAudit, sampler, results);
        WriteTables(recorder, timer);
        return results.All(r => r.Held) ? SoakExitCodes.AllChecksHeld : SoakExitCodes.CheckFailed;
    }

    /// <summary>Waits until alice is logged in and two round trips on her current connection succeed: every report the
    /// exchange sent before them has been handled.</summary>
    private async Task<bool> SettleAsync(BlinkTradeClient alice)
    {
        var deadline = log.Elapsed + SettleLimit;
        while (log.Elapsed < deadline)
        {
            try
            {
                if (alice.State == ConnectionState.LoggedIn)
                {
                    await alice.PingAsync();
                    await alice.GetBalancesAsync();
                    await alice.PingAsync();
                    return true;
                }
            }
            catch (Exception e) when (e is BlinkTradeException or OperationCanceledException)
            {
                log.Write("settle: " + e.Message, echo: false);
            }
            await Task.Delay(500);
        }
        return false;
    }

    private void WriteSummary(ProxyCounters counters, AliceWorkload workload, SessionRecorder recorder, RequestTimer timer, ExchangeTruth truth,
        MarketDataAudit market, BookSampler sampler, IReadOnlyList<CheckResult> results)
    {
        var fills = recorder.Fills.ToList();
        var timed = SoakAudit.RequestsWithATimeout(timer);
        var byKind = timed.GroupBy(t => (t.Who, t.Kind, t.Outcome)).OrderBy(g => g.Key.Who).ThenBy(g => g.Key.Kind)
            .Select(g => $"{g.Key.Who} {g.Key.Kind} {g.Key.Outcome}: {g.Count()} (max {g.Max(x => x.Ms):F0} ms, p50 {g.Select(x => x.Ms).Order().ElementAt(g.Count() / 2):F0} ms)");
        log.Write("requests:\n  " + string.Join("\n  ", byKind), echo: false);
        log.Write("error kinds: " + string.Join("; ", recorder.Errors.GroupBy(e => e.Who + " " + e.Error.Kind).Select(g => $"{g.Key} {g.Count()}")), echo: false);

        var longest = timed.MaxBy(t => t.Ms);
        var samples = sampler.Samples.ToList();
        var resyncs = string.Join(", ", recorder.Errors.Where(e => e.Who == "alice" && e.Error.Kind == ClientErrorKind.BookOutOfSync)
            .GroupBy(e => e.Error.Message.Contains("no snapshot within", StringComparison.Ordinal) ? "no snapshot in time" : "gap")
            .Select(g => $"{g.Count()} {g.Key}"));
        resyncs = resyncs.Length == 0 ? "no" : resyncs;
        var held = results.Count(r => r.Held);
        var lines = new List<string>
        {
            "",
            $"== network soak, seed {settings.Seed}, {settings.Duration.TotalMinutes:F1} min ==",
            $"faults injected:   {counters.FaultsLine()}; {counters.FragmentWrites} fragment writes, {counters.HeldBytesReleased} held bytes released",
            $"orders:            {workload.OrdersSent} sent by alice, {truth.Orders.Count} at the exchange, {recorder.Reports.Count} execution reports received",
            $"fills checked:     {fills.Count} ({fills.Count(f => f.IsSynthesized)} synthesized), {truth.Trades.Count} trades listed",
            $"reconnects:        {recorder.States.Count(s => s.State == ConnectionState.Reconnecting)} ({recorder.Recoveries.Count} recoveries, {recorder.Recoveries.Count(r => !r.IsComplete)} incomplete); " +
            $"{timer.AnsweredAfterRelogin} requests issued while reconnecting answered after the re-login",
            $"book checks:       {samples.Count} samples during the run ({samples.Count(s => s.Outcome == BookSampleOutcome.Matched)} matched, " +
            $"{samples.Count(s => s.Outcome == BookSampleOutcome.Differed)} differed, {samples.Count(s => s.Outcome == BookSampleOutcome.Inconclusive)} inconclusive), final {market.Final?.Outcome}; " +
            $"{resyncs} resyncs reported",
            $"trades checked:    {market.TradesDelivered} delivered, {truth.Trades.Count} at the exchange",
            $"max request:       {longest?.Ms ?? 0:F0} ms / timeout {RequestTimeout.TotalMilliseconds:F0} ms ({longest?.Who} {longest?.Kind} {longest?.Outcome}); {timed.Count} requests timed",
            $"machine:           {LoadAverage()}",
            "checks:",
        };
        lines.AddRange(results.Select(r => (r.Held ? "  held   " : "  FAILED ") + r.What));
        lines.Add(held == results.Count ? $"RESULT: every check held ({held}/{results.Count})" : $"RESULT: {results.Count - held} of {results.Count} checks failed");
        lines.Add($"log and tables: {settings.OutputDirectory}");
        foreach (var line in lines)
        {
            log.Write(line, echo: false);
            Console.Out.WriteLine(line);
        }
    }

    private void WriteTables(SessionRecorder recorder, RequestTimer timer)
    {
        File.WriteAllLines(Path.Combine(settings.OutputDirectory, "fills.tsv"), recorder.Fills.Select(f =>
            string.Create(CultureInfo.InvariantCulture, $"{f.OrderID}\t{f.ClOrdID}\t{f.Side}\t{f.Quantity}\t{f.Price}\t{f.IsSynthesized}\t{f.Report.ExecID}\t{f.Time:O}")));
        File.WriteAllLines(Path.Combine(settings.OutputDirectory, "timings.tsv"), timer.Timings.Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"{t.At:F2}\t{t.Who}\t{t.Kind}\t{t.Ms:F1}\t{t.Outcome}")));
    }

    /// <summary>Timings are only comparable with the load they were taken under (Linux only; elsewhere "n/a").</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + $" on {Environment.ProcessorCount} cores" : "load average n/a";
}
