using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.NetworkSoak.Trading;

namespace BlinkTrade.NetworkSoak.Audit;

/// <summary>Compares what alice's client told her during the run with the exchange's truth: every fill exactly once,
/// the order tracker, the balances, the rate limit and every request's time. The same checks as the first soak bot
/// (/tmp/s13-chaos/bot), which found the frozen-path pacing bug; none may be loosened to make a run pass.</summary>
internal sealed class SoakAudit(SoakLog log, BlinkTradeClient alice, SessionRecorder recorder, RequestTimer timer, ExchangeTruth truth, TimeSpan requestTimeout)
{
    /// <summary>Timer granularity: a request that times out ends a few ms after its timeout, not before.</summary>
    public const int TimeoutSlackMs = 250;

    /// <summary>A request failed by a lost connection must fail within this of the reported loss.</summary>
    public const int LossReportWindowMs = 1000;

    private readonly List<CheckResult> _results = [];

    public IReadOnlyList<CheckResult> Results => _results;

    public IReadOnlyList<CheckResult> Run()
    {
        var fills = recorder.Fills.ToList();
        CheckFillsPerOrder(fills);
        CheckNoDuplicates(fills);
        CheckFillsAgainstTrades(fills);
        CheckBalances();
        CheckTracker();
        CheckRateLimit();
        CheckRequestTimes();
        return _results;
    }

    private void Check(bool held, string what)
    {
        log.Write((held ? "ok   " : "FAIL ") + what);
        _results.Add(new CheckResult(held, what));
    }

    // 1. Every fill's order exists; per order Σ fills == CumQty and Σ qty·price == AvgPx·CumQty (within rounding).
    private void CheckFillsPerOrder(List<Fill> fills)
    {
        var byOrder = fills.GroupBy(f => f.OrderID).ToDictionary(g => g.Key, g => g.ToList());
        Check(byOrder.Keys.All(truth.Orders.ContainsKey), $"every fill's order is at the exchange ({byOrder.Keys.Count(k => !truth.Orders.ContainsKey(k))} not)");
        var quantityMismatch = truth.Orders.Values
            .Where(t => (byOrder.GetValueOrDefault(t.OrderID!.Value)?.Sum(f => f.Quantity.Satoshis) ?? 0) != t.CumQty.Satoshis)
            .ToList();
        foreach (var t in quantityMismatch.Take(10))
        {
            log.Write($"  order {t.OrderID} {t.ClOrdID} {t.OrdStatus} CumQty {t.CumQty}: fills " + string.Join(" | ",
                byOrder.GetValueOrDefault(t.OrderID!.Value)?.Select(f => $"{f.Quantity}@{f.Price}{(f.IsSynthesized ? "*" : "")} exec {f.Report.ExecID}") ?? []));
        }
        Check(quantityMismatch.Count == 0, $"Σ fill quantity == CumQty for every order ({truth.Orders.Count} orders, {quantityMismatch.Count} differ)");
        var priceMismatch = truth.Orders.Values.Where(t => t.CumQty.Satoshis > 0).Where(t =>
        {
            var orderFills = byOrder.GetValueOrDefault(t.OrderID!.Value) ?? [];
            var notional = orderFills.Sum(f => (decimal)f.Quantity.Satoshis * f.Price.Satoshis);
            var expected = (decimal)t.CumQty.Satoshis * t.AvgPx.Satoshis;
            // AvgPx and the VWAP both round: less than 1 satoshi of price per fill.
            return Math.Abs(notional - expected) > (decimal)t.CumQty.Satoshis * (orderFills.Count + 1);
        }).ToList();
        foreach (var t in priceMismatch.Take(10))
        {
            log.Write($"  order {t.OrderID} AvgPx {t.AvgPx} CumQty {t.CumQty}: fills " + string.Join(" | ",
                byOrder.GetValueOrDefault(t.OrderID!.Value)?.Select(f => $"{f.Quantity}@{f.Price}{(f.IsSynthesized ? "*" : "")}") ?? []));
        }
        Check(priceMismatch.Count == 0, $"Σ fill qty·price == AvgPx·CumQty for every filled order ({priceMismatch.Count} differ)");
    }

    // 2. No live fill or report delivered twice (synthesized ones have no ExecID of the exchange's).
    private void CheckNoDuplicates(List<Fill> fills)
    {
        var liveExecIds = fills.Where(f => !f.IsSynthesized).Select(f => f.Report.ExecID).ToList();
        Check(liveExecIds.Count == liveExecIds.Distinct().Count(), $"no live fill delivered twice ({liveExecIds.Count} live fills, {liveExecIds.Count - liveExecIds.Distinct().Count()} duplicates)");
        var reportExecIds = recorder.Reports.Where(r => !r.IsSynthesized).Select(r => r.ExecID).ToList();
        Check(reportExecIds.Count == reportExecIds.Distinct().Count(), $"no live execution report delivered twice ({reportExecIds.Count} reports)");
    }

    // 3. Fills against the trade list: Σ sizes equal; every live fill's (qty, price) is one of alice's trades, and the
    //    trades no live fill matched are exactly the synthesized fills (quantity and notional).
    private void CheckFillsAgainstTrades(List<Fill> fills)
    {
        var me = truth.AccountId;
        // A self-trade (alice on both sides) counts twice: she has a fill on each side.
        int Sides(TradeHistoryEntry t) => (t.Buyer == me ? 1 : 0) + (t.Seller == me ? 1 : 0);
        var mine = truth.Trades.Where(t => Sides(t) > 0).ToList();
        var tradedQuantity = mine.Sum(t => t.Size.Satoshis * Sides(t));
        var filledQuantity = fills.Sum(f => f.Quantity.Satoshis);
        Check(tradedQuantity == filledQuantity, $"Σ fills {filledQuantity} == Σ alice's trades {tradedQuantity} ({mine.Count} trades)");
        var pool = mine.SelectMany(t => Enumerable.Repeat((t.Size.Satoshis, t.Price.Satoshis), Sides(t)))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var unmatched = 0;
        foreach (var fill in fills.Where(f => !f.IsSynthesized))
        {
            var key = (fill.Quantity.Satoshis, fill.Price.Satoshis);
            if (pool.TryGetValue(key, out var left) && left > 0)
            {
                pool[key] = left - 1;
            }
            else
            {
                unmatched++;
            }
        }
        Check(unmatched == 0, $"every live fill matches one of alice's trades by quantity and price ({unmatched} do not)");
        var leftQuantity = pool.Sum(kv => kv.Key.Item1 * kv.Value);
        var leftNotional = pool.Sum(kv => (decimal)kv.Key.Item1 * kv.Key.Item2 * kv.Value);
        var synthesized = fills.Where(f => f.IsSynthesized).ToList();
        var synthesizedQuantity = synthesized.Sum(f => f.Quantity.Satoshis);
        var synthesizedNotional = synthesized.Sum(f => (decimal)f.Quantity.Satoshis * f.Price.Satoshis);
        Check(leftQuantity == synthesizedQuantity, $"trades not matched by live fills ({leftQuantity}) == synthesized fills ({synthesizedQuantity})");
        Check(Math.Abs(leftNotional - synthesizedNotional) <= (decimal)synthesizedQuantity * (synthesized.Count + 1),
            $"their notional agrees (trades {leftNotional / 1e16m:F4}, synthesized {synthesizedNotional / 1e16m:F4})");
    }

    // 4. The balances stream == the exchange (total and available) == the latest ledger balance.
    private void CheckBalances()
    {
        foreach (var currency in new[] { "BTC", "USD" })
        {
            var fresh = truth.Balances.Get(currency);
            var streamed = recorder.LastBalances?.Get(currency);
            Check(fresh?.Total == streamed?.Total && fresh?.Available == streamed?.Available,
                $"{currency} balances stream {streamed?.Total}/{streamed?.Available} == exchange {fresh?.Total}/{fresh?.Available}");
            var rows = truth.Ledger.Where(l => l.Currency == currency).ToList();
            var latest = rows.OrderByDescending(l => l.LedgerID).FirstOrDefault();
            Check(latest?.Balance == fresh?.Total, $"{currency} latest ledger balance {latest?.Balance} == total {fresh?.Total} ({rows.Count} rows)");
        }
    }

    // 5. The order tracker's every order == U4 (status, CumQty, LeavesQty) and its open set == the exchange's.
    private void CheckTracker()
    {
        var mismatches = 0;
        foreach (var order in alice.Orders.All)
        {
            if (order.OrderID == 0)
            {
                continue; // never acknowledged: the exchange has no order to compare with
            }
            if (!truth.Orders.TryGetValue(order.OrderID, out var t) || t.OrdStatus != order.OrdStatus || t.CumQty != order.CumQty || t.LeavesQty != order.LeavesQty)
            {
                if (mismatches++ < 10)
                {
                    log.Write($"  tracker {order.OrderID} {order.ClOrdID} {order.OrdStatus} cum {order.CumQty} leaves {order.LeavesQty} exec {order.ExecID}{(order.IsSynthesized ? "*" : "")} vs exchange {t?.OrdStatus} cum {t?.CumQty} leaves {t?.LeavesQty}");
                }
            }
        }
        Check(mismatches == 0, $"order tracker == exchange ({alice.Orders.All.Count} tracked, {mismatches} differ)");
        var openAtExchange = truth.Orders.Values.Count(t => t.LeavesQty.Satoshis > 0 && (t.OrdStatus == OrdStatus.New || t.OrdStatus == OrdStatus.PartiallyFilled));
        Check(openAtExchange == alice.Orders.Open.Count, $"open orders: tracker {alice.Orders.Open.Count}, exchange {openAtExchange}");
    }

    // 6. The client paced itself: no rate-limit refusal, no connection closed for it.
    private void CheckRateLimit()
    {
        static bool IsRateLimit(string? message) => message?.Contains("Too many", StringComparison.OrdinalIgnoreCase) ?? false;
        var refused = recorder.Errors.Where(e => IsRateLimit(e.Error.Message) || IsRateLimit(e.Error.Exception?.Message)).ToList();
        Check(refused.Count == 0, $"no 'Too many messages per second' ({refused.Count}: {string.Join("; ", refused.Take(3).Select(e => e.Who + " " + e.Error.Message))})");
        var closed = recorder.States.Count(s => IsRateLimit(s.Reason));
        Check(closed == 0, $"no connection closed for the rate limit ({closed})");
    }

    // 7. No request outlived its timeout; a request failed by a lost connection failed when the loss was reported.
    private void CheckRequestTimes()
    {
        // A paged list takes as long as its pages: its pages are timed one by one instead.
        var timed = RequestsWithATimeout(timer);
        var worst = timed.OrderByDescending(t => t.Ms).Take(5).ToList();
        Check(timed.All(t => t.Ms <= requestTimeout.TotalMilliseconds + TimeoutSlackMs),
            $"no request longer than its timeout {requestTimeout.TotalMilliseconds} ms (+{TimeoutSlackMs} ms): worst {string.Join(", ", worst.Select(w => $"{w.Who} {w.Kind} {w.Ms:F0} ms {w.Outcome} at {w.At:F0}s"))}");
        var losses = recorder.LostTimesMs.ToList();
        var distances = timer.ClosedFailuresMs.Select(at => losses.Count == 0 ? double.MaxValue : losses.Min(l => Math.Abs(l - at))).ToList();
        Check(distances.All(d => d < LossReportWindowMs),
            $"requests failed by a lost connection fail at once: {distances.Count}, max {(distances.Count > 0 ? distances.Max() : 0):F0} ms from a reported loss");
    }

    public static List<RequestTiming> RequestsWithATimeout(RequestTimer timer) => [.. timer.Timings.Where(t => t.Kind != "orders-list")];
}
