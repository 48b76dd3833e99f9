using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Tests.Support;

namespace BlinkTrade.Client.Tests.MarketData;

public sealed class MarketDataSubscriptionTests
{
    private static MarketDataEntry Book(MarketDataEntryType type, int position, decimal price, decimal size, long orderId, MarketDataUpdateAction? action = null) => new()
    {
        MDUpdateAction = action,
        MDEntryType = type,
        MDEntryPositionNo = position,
        MDEntryPx = Price.FromDecimal(price),
        MDEntrySize = Quantity.FromDecimal(size),
        OrderID = orderId,
        MDEntryID = orderId,
        Symbol = "BTCUSD",
    };

    private static MarketDataFullRefresh Snapshot(long mdReqId) => new()
    {
        MDReqID = mdReqId,
        Symbol = "BTCUSD",
        MarketDepth = 0,
        MDFullGrp =
        [
            Book(MarketDataEntryType.Bid, 1, 619m, 0.2m, 901),
            Book(MarketDataEntryType.Offer, 1, 620m, 0.5m, 811),
            Book(MarketDataEntryType.Offer, 2, 621m, 1.0m, 812),
        ],
    };

    private static Task<MarketDataRequest> ExpectSubscribe(ScriptedPeer peer)
        => peer.ExpectAsync<MarketDataRequest>(r => r.SubscriptionRequestType == SubscriptionRequestType.SnapshotAndUpdates);

    [Fact]
    public async Task Subscribers_share_one_wire_subscription_and_the_last_dispose_unsubscribes()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();
        var first = new RecordingObserver<OrderBookSnapshot>();
        var second = new RecordingObserver<OrderBookSnapshot>();

        var firstSubscription = harness.Client.ObserveOrderBook("BTCUSD").Subscribe(first);
        var request = await ExpectSubscribe(peer);
        Assert.Equal(["BTCUSD"], request.Instruments);
        Assert.Equal(0, request.MarketDepth);
        Assert.Equal(MarketDataUpdateType.Incremental, request.MDUpdateType);
        peer.Send(Snapshot(request.MDReqID));
        await first.WaitForAsync(s => s.IsReset);

        // A late subscriber gets the current book at once and causes no second V.
        var secondSubscription = harness.Client.ObserveOrderBook("BTCUSD").Subscribe(second);
        var replayed = await second.WaitForAsync(_ => true);
        Assert.Equal(2, replayed.Asks.Count);

        peer.Send(new MarketDataIncrementalRefresh
        {
            MDReqID = request.MDReqID,
            MDIncGrp =
            [
                new MarketDataEntry { MDUpdateAction = MarketDataUpdateAction.DeleteThru, MDEntryType = MarketDataEntryType.Offer, MDEntryPositionNo = 1, Symbol = "BTCUSD" },
                Book(MarketDataEntryType.Offer, 1, 621m, 0.7m, 812, MarketDataUpdateAction.Change),
            ],
        });
        var updated = await first.WaitForAsync(s => !s.IsReset);
        Assert.Equal(Quantity.FromDecimal(0.7m), Assert.Single(updated.Asks).Size);
        Assert.Equal(Price.FromDecimal(619m), updated.BestBid?.Price);
        await second.WaitForAsync(s => s.Sequence == updated.Sequence);

        firstSubscription.Dispose();
        secondSubscription.Dispose();
        var unsubscribe = await peer.ExpectAsync<MarketDataRequest>(r => r.SubscriptionRequestType == SubscriptionRequestType.Unsubscribe);
        Assert.Equal(request.MDReqID, unsubscribe.MDReqID);
        Assert.DoesNotContain(peer.Received, m => m is MarketDataRequest);
    }

    [Fact]
    public async Task Trades_are_published_from_incremental_trade_entries()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();
        var trades = new RecordingObserver<MarketTrade>();
        using var subscription = harness.Client.ObserveTrades("BTCUSD").Subscribe(trades);
        var request = await ExpectSubscribe(peer);
        peer.Send(Snapshot(request.MDReqID));
        peer.Send(new MarketDataIncrementalRefresh
        {
            MDReqID = request.MDReqID,
            MDIncGrp =
            [
                new MarketDataEntry { MDUpdateAction = MarketDataUpdateAction.New, MDEntryType = MarketDataEntryType.Trade, Symbol = "BTCUSD", MDEntryPx = Price.FromDecimal(620m), MDEntrySize = Quantity.FromDecimal(0.5m), TradeID = 16094, Side = Side.Buy, OrderID = 990, SecondaryOrderID = 811 },
                new MarketDataEntry { MDUpdateAction = MarketDataUpdateAction.New, MDEntryType = MarketDataEntryType.Trade, Symbol = "BTCUSD", MDEntryPx = Price.FromDecimal(621m), MDEntrySize = Quantity.FromDecimal(0.3m), TradeID = 16095, Side = Side.Buy, OrderID = 990, SecondaryOrderID = 812 },
            ],
        });

        await trades.WaitUntilAsync(t => t.Count == 2);
        Assert.Equal([16094L, 16095L], trades.Items.Select(t => t.TradeId!.Value));
        Assert.Equal(Side.Buy, trades.Items[0].AggressorSide);
    }

    [Fact]
    public async Task An_update_that_does_not_fit_triggers_a_fresh_snapshot_and_late_updates_are_ignored()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();
        var books = new RecordingObserver<OrderBookSnapshot>();
        using var subscription = harness.Client.ObserveOrderBook("BTCUSD").Subscribe(books);
        var request = await ExpectSubscribe(peer);
        peer.Send(Snapshot(request.MDReqID));
        await books.WaitForAsync(s => s.IsReset);

        // Position 9 cannot be changed in a side of 2: a gap.
        peer.Send(new MarketDataIncrementalRefresh { MDReqID = request.MDReqID, MDIncGrp = [Book(MarketDataEntryType.Offer, 9, 700m, 1m, 1, MarketDataUpdateAction.Change)] });

        await harness.Errors.WaitForAsync(e => e.Kind == ClientErrorKind.BookOutOfSync);
        var resubscribe = await ExpectSubscribe(peer);
        Assert.NotEqual(request.MDReqID, resubscribe.MDReqID);
        peer.Send(new MarketDataIncrementalRefresh { MDReqID = request.MDReqID, MDIncGrp = [Book(MarketDataEntryType.Bid, 1, 1m, 1m, 2, MarketDataUpdateAction.New)] });
        var fresh = Snapshot(resubscribe.MDReqID) with { MDFullGrp = [Book(MarketDataEntryType.Bid, 1, 618m, 3m, 903)] };
        peer.Send(fresh);

        var reset = await books.WaitForAsync(s => s.IsReset && s.Sequence > 1);
        Assert.Equal(903, Assert.Single(reset.Bids).OrderId);
        Assert.Empty(reset.Asks);
        Assert.Equal(2, books.Items.Count); // the bad update and the stale one never produced a snapshot
    }

    [Fact]
    public async Task After_a_reconnect_every_subscription_is_renewed_and_books_reset_from_the_new_snapshot()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();
        var books = new RecordingObserver<OrderBookSnapshot>();
        var ticks = new RecordingObserver<Ticker>();
        using var bookSubscription = harness.Client.ObserveOrderBook("BTCUSD").Subscribe(books);
        using var tickerSubscription = harness.Client.ObserveTicker("BTCUSD").Subscribe(ticks);
        var request = await ExpectSubscribe(peer);
        var tickerRequest = await peer.ExpectAsync<SecurityStatusRequest>();
        peer.Send(Snapshot(request.MDReqID));
        await books.WaitForAsync(s => s.IsReset);

        peer.Abort();
        var next = await harness.Transport.NextPeerAsync();
        var renewed = await ExpectSubscribe(next);
        var renewedTicker = await next.ExpectAsync<SecurityStatusRequest>();
        Assert.NotEqual(request.MDReqID, renewed.MDReqID);
        Assert.NotEqual(tickerRequest.SecurityStatusReqID, renewedTicker.SecurityStatusReqID);

        next.Send(Snapshot(renewed.MDReqID) with { MDFullGrp = [Book(MarketDataEntryType.Offer, 1, 625m, 2m, 999)] });
        var reset = await books.WaitForAsync(s => s.IsReset && s.Sequence == 2);
        Assert.Equal(999, Assert.Single(reset.Asks).OrderId);
        Assert.Empty(reset.Bids);

        next.Send(new Ticker { SecurityStatusReqID = renewedTicker.SecurityStatusReqID, Symbol = "BTCUSD", LastPx = Price.FromDecimal(621m) });
        Assert.Equal(Price.FromDecimal(621m), (await ticks.WaitForAsync(_ => true)).LastPx);
    }

    [Fact]
    public async Task Subscribing_before_connecting_sends_the_request_once_connected()
    {
        await using var harness = ClientHarness.Create();
        var books = new RecordingObserver<OrderBookSnapshot>();
        using var subscription = harness.Client.ObserveOrderBook("BTCUSD").Subscribe(books);
        var peer = await harness.ConnectAsync();
        var request = await ExpectSubscribe(peer);
        peer.Send(Snapshot(request.MDReqID));
        await books.WaitForAsync(s => s.IsReset);
    }

    [Fact]
    public async Task A_rejected_subscription_fails_its_observers()
    {
        await using var harness = ClientHarness.Create();
        var peer = await harness.ConnectAsync();
        var books = new RecordingObserver<OrderBookSnapshot>();
        using var subscription = harness.Client.ObserveOrderBook("NOPE").Subscribe(books);
        var request = await ExpectSubscribe(peer);
        peer.Send(new MarketDataRequestReject { MDReqID = request.MDReqID, MDReqRejReason = MarketDataRequestRejectReason.UnknownSymbol, Text = "Unknown symbol" });

        await books.WaitForTerminalAsync();
        var error = Assert.IsType<MarketDataRejectedException>(books.Error);
        Assert.Equal("NOPE", error.Symbol);
        await harness.Errors.WaitForAsync(e => e.Kind == ClientErrorKind.MarketDataRejected);
    }

    [Fact]
    public async Task A_snapshot_that_never_arrives_is_requested_again_after_the_request_timeout()
    {
        await using var harness = ClientHarness.Create(configure: o => o.RequestTimeout = TimeSpan.FromSeconds(10));
        var peer = await harness.ConnectAsync();
        var books = new RecordingObserver<OrderBookSnapshot>();
        using var subscription = harness.Client.ObserveOrderBook("BTCUSD").Subscribe(books);
        var first = await ExpectSubscribe(peer);

        harness.Time.Advance(TimeSpan.FromSeconds(10));

        var again = await ExpectSubscribe(peer);
        Assert.NotEqual(first.MDReqID, again.MDReqID);
        await harness.Errors.WaitForAsync(e => e.Kind == ClientErrorKind.BookOutOfSync);
        peer.Send(Snapshot(again.MDReqID));
        await books.WaitForAsync(s => s.IsReset);
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(peer.Received, m => m is MarketDataRequest { SubscriptionRequestType: var t } && t == SubscriptionRequestType.SnapshotAndUpdates);
    }
}
