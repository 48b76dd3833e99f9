using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Transport;

namespace BlinkTrade.Client.MarketData;

// The trade stream without holes: it starts from the trades a W snapshot carries, and after a reconnect or a resync
// the trades missed in between are fetched (U32, Since = the last TradeID seen) — de-duplicated, in TradeID order.
internal sealed partial class MarketDataFeature
{
    private const int TradeBackfillPageSize = 100;

    // Receive loop: a W was applied. Its trades (oldest first) are the recent ones; when they do not reach back to the
    // last trade this stream published, the gap between is fetched while the stream holds back newer trades.
    private void OnSnapshotTrades(BookSubscription subscription, IReadOnlyList<MarketDataEntry>? entries)
    {
        List<MarketTrade> trades = [];
        foreach (var entry in entries ?? [])
        {
            if (entry.MDEntryType == MarketDataEntryType.Trade)
            {
                trades.Add(MarketTrade.From(subscription.Symbol, entry));
            }
        }
        long since;
        int epoch;
        lock (subscription.TradesGate)
        {
            epoch = ++subscription.TradeEpoch;
            var last = subscription.LastTradeId;
            // The snapshot covers the gap when it holds the last trade seen (or an older one): it lists every trade since.
            if (last is null || trades.Exists(t => t.TradeId <= last))
            {
                subscription.HeldTrades = null;
                PublishTrades(subscription, trades);
                return;
            }
            since = last.Value;
            subscription.HeldTrades = trades;
        }
        _ = BackfillTradesAsync(subscription, since, epoch);
    }

    // Receive loop: an X trade entry.
    private void OnLiveTrade(BookSubscription subscription, MarketTrade trade)
    {
        lock (subscription.TradesGate)
        {
            if (subscription.HeldTrades is { } held)
            {
                held.Add(trade);
            }
            else
            {
                PublishTrades(subscription, [trade]);
            }
        }
    }

    private async Task BackfillTradesAsync(BookSubscription subscription, long since, int epoch)
    {
        List<MarketTrade> fetched = [];
        Exception? failure = null;
        try
        {
            await foreach (var row in core.PageAsync<TradeHistoryResponse, TradeHistoryEntry>(
                (id, page) => new TradeHistoryRequest { TradeHistoryReqID = id, Page = page, PageSize = TradeBackfillPageSize, Since = since, SymbolList = [subscription.Symbol] },
                MessageTypes.TradeHistoryResponse, r => r.TradeHistoryGrp, TradeBackfillPageSize, CancellationToken.None).ConfigureAwait(false))
            {
                // Servers that ignore SymbolList list every market.
                if (row.Market is null || string.Equals(row.Market, subscription.Symbol, StringComparison.Ordinal))
                {
                    fetched.Add(MarketTrade.From(subscription.Symbol, row));
                }
            }
        }
        catch (ConnectionClosedException)
        {
            // The connection dropped (or the client stopped): the next snapshot, after the reconnect, starts over
            // from the same TradeID, so the held trades are not published with a hole.
            return;
        }
        catch (ObjectDisposedException)
        {
            return; // the client was disposed
        }
        catch (Exception e)
        {
            failure = e; // e.g. ERROR or timeout: go on without the missed trades rather than hold the stream forever
        }
        lock (subscription.TradesGate)
        {
            if (subscription.TradeEpoch != epoch || subscription.HeldTrades is not { } held)
            {
                return; // a newer snapshot took over
            }
            fetched.AddRange(held);
            subscription.HeldTrades = null;
            PublishTrades(subscription, fetched);
        }
        if (failure is not null)
        {
            ClientLog.BookOutOfSync(core.Logger, subscription.Symbol, "trades since " + since + " could not be fetched: " + failure.Message);
            core.ReportError(ClientErrorKind.TradesGap, $"Trades of {subscription.Symbol} after TradeID {since} could not be fetched ({failure.Message}); the trade stream has a gap.", failure);
        }
    }

    // Under TradesGate: publishes in TradeID order, each TradeID once (a trade without an id cannot be checked and goes as is).
    private static void PublishTrades(BookSubscription subscription, List<MarketTrade> trades)
    {
        foreach (var trade in trades.Count > 1 ? trades.OrderBy(static t => t.TradeId ?? long.MaxValue) : (IEnumerable<MarketTrade>)trades)
        {
            if (trade.TradeId is { } id)
            {
                if (id <= subscription.LastTradeId)
                {
                    continue;
                }
                subscription.LastTradeId = id;
            }
            subscription.Trades.OnNext(trade);
        }
    }
}
