using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using BlinkTrade.Client;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;
using BlinkTrade.NetworkSoak.Audit;
using BlinkTrade.NetworkSoak.Trading;
using BlinkTrade.Testing;

namespace BlinkTrade.NetworkSoak.MarketData;

/// <summary>The market-data promises (README "Market data with Rx", "Reconnect behaviour"; docs/client.md), checked
/// after the run against the exchange: the book replica, the trade stream, the ticker, and streams that never end
/// while the client lives.</summary>
internal sealed class MarketDataAudit(SoakLog log, BlinkTradeClient alice, ReferenceExchange exchange, MarketDataRecorder recorder, BookSampler sampler, SessionRecorder session)
{
    /// <summary>How long, after the run, alice's book may take to equal the exchange's (no faults any more).</summary>
    private static readonly TimeSpan FinalWindow = TimeSpan.FromSeconds(15);

    private readonly List<CheckResult> _results = [];

    /// <summary>The final comparison (for the summary).</summary>
    public BookSample? Final { get; private set; }

    /// <summary>Trades the stream delivered (for the summary).</summary>
    public int TradesDelivered { get; private set; }

    /// <param name="direct">A clean direct session's snapshot of the book, read after the run.</param>
    /// <param name="trades">Every trade the exchange lists (the auditor's trade history, last 24 h: the whole run).</param>
    public async Task<IReadOnlyList<CheckResult>> RunAsync(OrderBookSnapshot direct, IReadOnlyList<TradeHistoryEntry> trades)
    {
        await CheckBookAsync(direct);
        CheckSamples();
        CheckTrades(trades);
        await CheckTickerAsync(trades);
        CheckStreamsAlive();
        return _results;
    }

    private void Check(bool held, string what)
    {
        log.Write((held ? "ok   " : "FAIL ") + what);
        _results.Add(new CheckResult(held, what));
    }

    // A. After the run alice's replica equals the exchange's book, order by order; so does a direct session's snapshot.
    private async Task CheckBookAsync(OrderBookSnapshot direct)
    {
        var final = Final = await sampler.SampleAsync(FinalWindow);
        Check(final.Outcome == BookSampleOutcome.Matched, $"after the run alice's book == the exchange's, order by order, and her top-{MarketDataRecorder.TopDepth} book == its first {MarketDataRecorder.TopDepth} ({final.Orders} orders; {final.Detail})");
        var book = await exchange.GetBookAsync(TradingPrices.Symbol);
        var difference = BookComparison.Difference(direct, book);
        Check(difference is null, $"a direct session's snapshot == the exchange's book ({direct.Bids.Count} bids, {direct.Asks.Count} asks{(difference is null ? "" : "; " + difference)})");
    }

    // A'. During the run, whenever the book stood still, alice's book converged to the exchange's; every book she was
    //     given was a valid book.
    private void CheckSamples()
    {
        var samples = sampler.Samples.ToList();
        var differed = samples.Where(s => s.Outcome == BookSampleOutcome.Differed).ToList();
        foreach (var sample in differed.Take(5))
        {
            log.Write($"  sample at {sample.At:F0}s: {sample.Detail}");
        }
        Check(differed.Count == 0, $"during the run alice's book == the exchange's whenever it stood still ({samples.Count} samples: " +
            $"{samples.Count(s => s.Outcome == BookSampleOutcome.Matched)} matched, {differed.Count} differed, {samples.Count(s => s.Outcome == BookSampleOutcome.Inconclusive)} inconclusive)");
        var malformed = recorder.MalformedBooks.ToList();
        Check(malformed.Count == 0, $"every book published was a valid book, consistent with the ones before it ({recorder.Books} books, {recorder.Resets} with IsReset, {recorder.TopBooks} top-{MarketDataRecorder.TopDepth} books; {malformed.Count} not: {string.Join("; ", malformed.Take(3))})");
    }

    // B. The trade stream: each TradeID once, in TradeID order, and every trade the exchange made (the subscription
    //    started before the first trade, and the reference exchange's W carries the last 24 h of trades, so the stream
    //    must hold them all) with the exchange's price, size, buyer and seller.
    private void CheckTrades(IReadOnlyList<TradeHistoryEntry> trades)
    {
        var delivered = recorder.Trades.ToList();
        TradesDelivered = delivered.Count;
        var ids = delivered.Where(t => t.TradeId is not null).Select(t => t.TradeId!.Value).ToList();
        var withoutId = delivered.Count - ids.Count;
        var duplicates = ids.Count - ids.Distinct().Count();
        Check(duplicates == 0 && withoutId == 0, $"no trade delivered twice ({delivered.Count} trades, {duplicates} TradeIDs twice, {withoutId} without a TradeID)");
        var outOfOrder = ids.Zip(ids.Skip(1)).Count(p => p.Second <= p.First);
        Check(outOfOrder == 0, $"trades delivered in TradeID order ({outOfOrder} out of order)");

        var byId = delivered.Where(t => t.TradeId is not null).GroupBy(t => t.TradeId!.Value).ToDictionary(g => g.Key, g => g.First());
        var listed = trades.Where(t => t.Market is null || t.Market == TradingPrices.Symbol).ToList();
        var missing = listed.Where(t => !byId.ContainsKey(t.TradeID)).Select(t => t.TradeID).Order().ToList();
        var listedIds = listed.Select(t => t.TradeID).ToHashSet();
        var extra = byId.Keys.Where(id => !listedIds.Contains(id)).ToList();
        var differing = listed.Where(t => byId.TryGetValue(t.TradeID, out var d)
            && (d.Price != t.Price || d.Size != t.Size || d.BuyerId != t.Buyer || d.SellerId != t.Seller)).ToList();
        var gaps = session.Errors.Count(e => e.Who == "alice" && e.Error.Kind == ClientErrorKind.TradesGap);
        if (missing.Count > 0)
        {
            log.Write($"  missing TradeIDs: {Ranges(missing)}");
        }
        foreach (var t in differing.Take(5))
        {
            var d = byId[t.TradeID];
            log.Write($"  trade {t.TradeID}: stream {d.Size}@{d.Price} buyer {d.BuyerId} seller {d.SellerId}, exchange {t.Size}@{t.Price} buyer {t.Buyer} seller {t.Seller}");
        }
        Check(missing.Count == 0 && extra.Count == 0 && differing.Count == 0,
            $"every trade the exchange made is in the stream, as made ({listed.Count} listed; {missing.Count} missing, {extra.Count} not at the exchange, {differing.Count} differ; {gaps} TradesGap reported)");
    }

    // C. The ticker after the run: best bid and ask as the exchange's book, last price as its last trade, 24 h base volume
    //    as the sum of its trades (an f follows every change and every resubscription, so the latest is the final state).
    private async Task CheckTickerAsync(IReadOnlyList<TradeHistoryEntry> trades)
    {
        Ticker? ticker = null;
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            ticker = await alice.ObserveTicker(TradingPrices.Symbol).FirstAsync().ToTask(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // no ticker at all: reported below
        }
        var book = await exchange.GetBookAsync(TradingPrices.Symbol);
        var bestBid = book.Bids.Count > 0 ? book.Bids[0].Price.Satoshis : 0;
        var bestAsk = book.Offers.Count > 0 ? book.Offers[0].Price.Satoshis : 0;
        var last = trades.MaxBy(t => t.TradeID)?.Price.Satoshis ?? 0;
        var volume = trades.Sum(t => t.Size.Satoshis);
        var held = ticker is not null && (ticker.BestBid?.Satoshis ?? 0) == bestBid && (ticker.BestAsk?.Satoshis ?? 0) == bestAsk
            && (ticker.LastPx?.Satoshis ?? 0) == last && (ticker.SellVolume?.Satoshis ?? 0) == volume;
        Check(held, $"the ticker after the run == the exchange ({recorder.Tickers} tickers; bid {ticker?.BestBid}/{bestBid / 1e8m}, ask {ticker?.BestAsk}/{bestAsk / 1e8m}, " +
            $"last {ticker?.LastPx}/{last / 1e8m}, base volume {ticker?.SellVolume}/{volume / 1e8m})");
    }

    // D. No market-data stream ended while the client lived, and no subscriber was cut off.
    private void CheckStreamsAlive()
    {
        var ends = recorder.Ends.ToList();
        var cut = session.Errors.Count(e => e.Who == "alice" && e.Error.Kind is ClientErrorKind.SubscriberOverflow or ClientErrorKind.SubscriberFault or ClientErrorKind.MarketDataRejected);
        Check(ends.Count == 0 && cut == 0, $"the book, top-5 book, trade and ticker streams never ended nor failed ({string.Join("; ", ends.Take(3))}{(ends.Count == 0 ? "none" : "")}; {cut} subscriber overflows, faults or rejects)");
    }

    private static string Ranges(List<long> ids)
    {
        var parts = new List<string>();
        for (var i = 0; i < ids.Count;)
        {
            var j = i;
            while (j + 1 < ids.Count && ids[j + 1] == ids[j] + 1)
            {
                j++;
            }
            parts.Add(i == j ? $"{ids[i]}" : $"{ids[i]}-{ids[j]}");
            i = j + 1;
        }
        return string.Join(", ", parts.Take(20)) + (parts.Count > 20 ? ", …" : "");
    }
}
