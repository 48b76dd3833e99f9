using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;
using ClientBook = BlinkTrade.Client.MarketData.OrderBookSnapshot;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>Stop-limit and post-only orders (§3.4) and a book subscription renewed after its last subscriber left.</summary>
public sealed class OrderTypeAndSubscriptionTests
{
    private const long Coin = 1_0000_0000;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_stop_limit_order_is_hidden_until_the_last_trade_triggers_it_then_rests_with_the_same_order_id(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", usd: 10_000 * Coin, cancellationToken: ct);
        await h.CreateUserAsync("bob", usd: 10_000 * Coin, btc: 10 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct, clientIp: "10.0.6.1");
        var bob = await h.ConnectAsync("bob", ct, clientIp: "10.0.6.2");
        var reports = new Recorder<ExecutionReport>();
        var books = new Recorder<ClientBook>();
        using var r = alice.ExecutionReports.Subscribe(reports);
        using var b = alice.ObserveOrderBook(E2EHarness.Symbol).Subscribe(books);
        await books.WaitForAsync(x => x.IsReset, what: "initial snapshot");

        // Buy stop at 610, limit 605: hidden while the last trade is below 610.
        var stop = await alice.SendOrderAsync(NewOrder.StopLimit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(610m), Price.FromDecimal(605m)), ct);
        Assert.NotEqual(OrdStatus.Rejected, stop.OrdStatus);
        Assert.True(OrderTracker.IsOpen(stop.OrdStatus));
        Assert.Empty((await h.Exchange.GetBookAsync(E2EHarness.Symbol, ct)).Bids);

        // A trade at 610 triggers it: it becomes a limit buy at 605 with the same OrderID.
        await bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(0.1m), Price.FromDecimal(610m)), ct);
        var taker = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.1m), Price.FromDecimal(610m)), ct);
        await reports.WaitForAsync(x => x.OrderID == taker.OrderID && x.OrdStatus == OrdStatus.Filled, what: "the trade at 610");
        await books.WaitForAsync(x => x.Bids.Count == 1 && x.Bids[0].OrderId == stop.OrderID && x.Bids[0].Price == Price.FromDecimal(605m), what: "the triggered order in the book");
        await BookAssert.ConvergesAsync(h.Exchange, E2EHarness.Symbol, () => books.Last, TimeSpan.FromSeconds(5), ct);
        Assert.True(alice.Orders.TryGet(stop.OrderID, out var tracked) && OrderTracker.IsOpen(tracked.OrdStatus));
        Assert.DoesNotContain(reports.Items, x => x.OrderID == stop.OrderID && x.OrdStatus == OrdStatus.Rejected);
        Assert.Single(reports.Items, x => x.OrderID == stop.OrderID && x.ExecType == ExecType.New); // §3.4: no second "New" on trigger
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_post_only_order_that_would_take_is_rejected_and_one_that_rests_is_accepted(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", usd: 10_000 * Coin, cancellationToken: ct);
        await h.CreateUserAsync("bob", btc: 10 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct, clientIp: "10.0.6.1");
        var bob = await h.ConnectAsync("bob", ct, clientIp: "10.0.6.2");
        await bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(600m)), ct);

        var taking = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.5m), Price.FromDecimal(600m)) with { PostOnly = true }, ct);
        var resting = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.5m), Price.FromDecimal(599m)) with { PostOnly = true }, ct);

        Assert.Equal(OrdStatus.Rejected, taking.OrdStatus);
        Assert.Equal(OrdStatus.New, resting.OrdStatus);
        var book = await h.Exchange.GetBookAsync(E2EHarness.Symbol, ct);
        Assert.Equal(Quantity.FromDecimal(1m).Satoshis, Assert.Single(book.Offers).Quantity.Satoshis);
        Assert.Equal(resting.OrderID, Assert.Single(book.Bids).OrderId);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_book_subscribed_again_after_its_last_subscriber_left_starts_from_a_fresh_snapshot(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", usd: 10_000 * Coin, btc: 10 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);
        var first = new Recorder<ClientBook>();
        var sub = alice.ObserveOrderBook(E2EHarness.Symbol).Subscribe(first);
        await first.WaitForAsync(x => x.IsReset, what: "first snapshot");
        var a = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(590m)), ct);
        await first.WaitForAsync(x => x.Bids.Count == 1, what: "first order");
        sub.Dispose();

        // Changes while nobody listens.
        var c = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(650m)), ct);
        await alice.CancelOrderAsync(a.OrderID, ct);
        await alice.PingAsync(ct);
        var countAfterDispose = first.Count;

        var second = new Recorder<ClientBook>();
        using var again = alice.ObserveOrderBook(E2EHarness.Symbol).Subscribe(second);
        await second.WaitForAsync(x => x.IsReset, what: "a new snapshot");
        await BookAssert.ConvergesAsync(h.Exchange, E2EHarness.Symbol, () => second.Last, TimeSpan.FromSeconds(5), ct);
        Assert.Equal(c.OrderID, Assert.Single(second.Last!.Asks).OrderId);
        Assert.Empty(second.Last!.Bids);
        var d = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(580m)), ct);
        await second.WaitForAsync(x => x.Bids.Any(e => e.OrderId == d.OrderID), what: "live updates after resubscribing");
        Assert.Equal(countAfterDispose, first.Count); // the disposed subscriber heard nothing more
    }
}
