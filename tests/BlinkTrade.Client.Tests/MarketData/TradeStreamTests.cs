using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Tests.Support;

namespace BlinkTrade.Client.Tests.MarketData;

/// <summary>ObserveTrades has no hole: it starts from the snapshot's trades, and after a reconnect the trades missed in
/// between come from the trade list (U32, Since = the last TradeID seen), each once, in TradeID order.</summary>
public sealed class TradeStreamTests
{
    private static MarketDataEntry Trade(long id, MarketDataUpdateAction? action = null) => new()
    {
        MDUpdateAction = action,
        MDEntryType = MarketDataEntryType.Trade,
        Symbol = "BTCUSD",
        MDEntryPx = Price.FromDecimal(600m + id),
        MDEntrySize = Quantity.FromDecimal(0.1m),
        TradeID = id,
        Side = Side.Buy,
    };

    private static MarketDataFullRefresh Snapshot(long mdReqId, params long[] tradeIds) => new()
    {
        MDReqID = mdReqId,
        Symbol = "BTCUSD",
        MarketDepth = 0,
        MDFullGrp =
        [
            new MarketDataEntry { MDEntryType = MarketDataEntryType.Bid, MDEntryPositionNo = 1, MDEntryPx = Price.FromDecimal(599m), MDEntrySize = Quantity.FromDecimal(1m), OrderID = 1, Symbol = "BTCUSD" },
            .. tradeIds.Select(id => Trade(id)),
        ],
    };

    private static MarketDataIncrementalRefresh Live(long mdReqId, params long[] tradeIds) => new()
    {
        MDReqID = mdReqId,
        MDIncGrp = [.. tradeIds.Select(id => Trade(id, MarketDataUpdateAction.New))],
    };

    private static TradeHistoryResponse History(TradeHistoryRequest request, params long[] newestFirst) => new()
    {
        TradeHistoryReqID = request.TradeHistoryReqID,
        Page = request.Page,
        PageSize = request.PageSize,
        TradeHistoryGrp = [.. newestFirst.Select(id => new TradeHistoryEntry { TradeID = id, Market = "BTCUSD", Side = Side.Sell, Price = Price.FromDecimal(600m + id), Size = Quantity.FromDecimal(0.1m) })],
    };

    private static Task<MarketDataRequest> ExpectSubscribe(ScriptedPeer peer)
        => peer.ExpectAsync<MarketDataRequest>(r => r.SubscriptionRequestType == SubscriptionRequestType.SnapshotAndUpdates);

    private static IReadOnlyList<long?> Ids(RecordingObserver<MarketTrade> trades) => [.. trades.Items.Select(t => t.TradeId)];

    [Fact]
    public async Task The_stream_starts_from_the_snapshots_trades_and_drops_a_repeated_TradeID()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();
        var trades = new RecordingObserver<MarketTrade>();
        using var subscription = harness.Client.ObserveTrades("BTCUSD").Subscribe(trades);

        var request = await ExpectSubscribe(peer);
        peer.Send(Snapshot(request.MDReqID, 1, 2, 3));
        peer.Send(Live(request.MDReqID, 3, 4));

        await trades.WaitForAsync(t => t.TradeId == 4);
        Assert.Equal([1L, 2L, 3L, 4L], Ids(trades));
        Assert.Equal(Price.FromDecimal(601m), trades.Items[0].Price);
        Assert.DoesNotContain(peer.Received, m => m is TradeHistoryRequest); // a first snapshot needs no backfill
    }

    [Fact]
    public async Task After_a_reconnect_the_missed_trades_are_fetched_since_the_last_TradeID_and_delivered_in_order()
    {
        await using var harness = ClientHarness.Create();
        var first = await harness.ConnectAsync();
        var trades = new RecordingObserver<MarketTrade>();
        using var subscription = harness.Client.ObserveTrades("BTCUSD").Subscribe(trades);
        var request = await ExpectSubscribe(first);
        first.Send(Snapshot(request.MDReqID, 1, 2));
        first.Send(Live(request.MDReqID, 3));
        await trades.WaitForAsync(t => t.TradeId == 3);

        first.Abort(); // trades 4..6 print while the client is away
        var second = await harness.Transport.NextPeerAsync();
        var resubscribe = await ExpectSubscribe(second);
        // The new snapshot only reaches back to trade 7, and trade 9 prints live before the gap is filled.
        second.Send(Snapshot(resubscribe.MDReqID, 7, 8));
        second.Send(Live(resubscribe.MDReqID, 9));
        var backfill = await second.ExpectAsync<TradeHistoryRequest>();
        Assert.Equal(3, backfill.Since);
        Assert.Equal(["BTCUSD"], backfill.SymbolList);
        Assert.Equal([1L, 2L, 3L], Ids(trades)); // held back until the gap is filled
        second.Send(History(backfill, 8, 7, 6, 5, 4)); // newest first; overlaps the snapshot

        await trades.WaitForAsync(t => t.TradeId == 9);
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L], Ids(trades));
    }

    [Fact]
    public async Task A_snapshot_that_reaches_back_to_the_last_trade_seen_fills_the_gap_by_itself()
    {
        await using var harness = ClientHarness.Create();
        var first = await harness.ConnectAsync();
        var trades = new RecordingObserver<MarketTrade>();
        using var subscription = harness.Client.ObserveTrades("BTCUSD").Subscribe(trades);
        var request = await ExpectSubscribe(first);
        first.Send(Snapshot(request.MDReqID, 1, 2, 3));
        await trades.WaitForAsync(t => t.TradeId == 3);

        first.Abort();
        var second = await harness.Transport.NextPeerAsync();
        var resubscribe = await ExpectSubscribe(second);
        second.Send(Snapshot(resubscribe.MDReqID, 2, 3, 4, 5));
        second.Send(Live(resubscribe.MDReqID, 6));

        await trades.WaitForAsync(t => t.TradeId == 6);
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], Ids(trades));
        Assert.DoesNotContain(second.Received, m => m is TradeHistoryRequest);
    }

    [Fact]
    public async Task When_the_trade_list_fails_the_stream_goes_on_and_the_gap_is_reported()
    {
        await using var harness = ClientHarness.Create();
        var first = await harness.ConnectAsync();
        var trades = new RecordingObserver<MarketTrade>();
        using var subscription = harness.Client.ObserveTrades("BTCUSD").Subscribe(trades);
        var request = await ExpectSubscribe(first);
        first.Send(Snapshot(request.MDReqID, 1));
        await trades.WaitForAsync(t => t.TradeId == 1);

        first.Abort();
        var second = await harness.Transport.NextPeerAsync();
        var resubscribe = await ExpectSubscribe(second);
        second.Send(Snapshot(resubscribe.MDReqID, 5));
        var backfill = await second.ExpectAsync<TradeHistoryRequest>();
        second.Send(new ErrorMessage { Description = "Invalid message", Detail = "Not supported", ReqID = backfill.TradeHistoryReqID.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        await trades.WaitForAsync(t => t.TradeId == 5);
        await harness.Errors.WaitForAsync(e => e.Kind == BlinkTrade.Client.Diagnostics.ClientErrorKind.TradesGap);
        Assert.Equal([1L, 5L], Ids(trades));
    }
}
