using System.Diagnostics;
using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;
using ClientBook = BlinkTrade.Client.MarketData.OrderBookSnapshot;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>
/// Issue #5 (5): more than 100 injected connection drops while orders are placed and filled — no execution report
/// lost or delivered twice, the book re-synced and the subscription restored.
/// </summary>
public sealed class ConnectionDropTests
{
    private const long Coin = 1_0000_0000;
    private const int Drops = 110;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Over_100_drops_while_trading_lose_and_duplicate_no_execution_report_and_the_book_resyncs(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 10_000_000 * Coin, btc: 100_000 * Coin, cancellationToken: ct);
        await h.CreateUserAsync("bob", usd: 10_000_000 * Coin, btc: 100_000 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct, clientIp: "10.0.2.1");
        var bob = await h.ConnectAsync("bob", ct, clientIp: "10.0.2.2");

        var reports = new Recorder<ExecutionReport>();
        var books = new Recorder<ClientBook>();
        var reconnected = 0;
        using var r = alice.ExecutionReports.Subscribe(reports);
        using var b = alice.ObserveOrderBook(E2EHarness.Symbol).Subscribe(books);
        using var s = alice.ConnectionStates.Subscribe(change =>
        {
            if (change.State == ConnectionState.LoggedIn && change.Reason.StartsWith("Reconnected", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref reconnected);
            }
        });
        var balances = new Recorder<Client.Account.BalanceSnapshot>();
        using var bal = alice.Balances.Subscribe(balances);
        await alice.GetBalancesAsync(ct);
        await books.WaitForAsync(x => x.IsReset, what: "initial snapshot");

        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<long, byte>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var aliceFailures = 0;

        // Alice rests small orders on both sides and cancels some; Bob takes liquidity with market orders.
        var aliceLoop = Task.Run(async () =>
        {
            var random = new Random(11);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                    var price = side == Side.Buy ? 600 - random.Next(0, 5) : 601 + random.Next(0, 5);
                    var report = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, side, Quantity.FromSatoshis(random.Next(1, 10) * 10_000_000L), Price.FromSatoshis(price * Coin)), ct);
                    acknowledged.TryAdd(report.OrderID, 0);
                    if (random.Next(4) == 0)
                    {
                        await alice.CancelOrderAsync(report.OrderID, ct);
                    }
                    await Task.Delay(1, ct); // keeps the history to a few thousand orders (each reconnect pages through it)
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    // A request in flight when the connection drops fails (ConnectionClosedException) or the
                    // cancel finds the order already filled (ERROR, G15); both are expected here.
                    Interlocked.Increment(ref aliceFailures);
                    await Task.Delay(1, ct);
                }
            }
        }, ct);
        var bobLoop = Task.Run(async () =>
        {
            var random = new Random(12);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                    await bob.SendOrderAsync(NewOrder.Market(E2EHarness.Symbol, side, Quantity.FromSatoshis(random.Next(1, 10) * 5_000_000L)), ct);
                    await Task.Delay(1, ct);
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    await Task.Delay(1, ct);
                }
            }
        }, ct);

        var watch = Stopwatch.StartNew();
        var dropped = 0;
        var dropAll = 0;
        var closeAll = 0;
        for (var i = 0; dropped < Drops; i++)
        {
            await Task.Delay(5, ct); // let some orders flow on the fresh connection
            var before = Volatile.Read(ref reconnected);
            int n;
            if (i % 10 == 9)
            {
                n = h.Exchange.Faults.DropAllConnections();
                dropAll++;
            }
            else if (i % 10 == 4)
            {
                n = h.Exchange.Faults.CloseAllConnections(); // graceful: queued frames first, then the close
                closeAll++;
            }
            else
            {
                n = h.Exchange.Faults.DropConnectionsOf(aliceId);
            }
            if (n == 0)
            {
                continue; // alice was between connections
            }
            dropped++;
            await Wait.Eventually(() => Volatile.Read(ref reconnected) > before && alice.State == ConnectionState.LoggedIn,
                TimeSpan.FromSeconds(10), $"alice reconnected after drop {dropped}");
        }
        var dropPhase = watch.Elapsed;
        await Task.Delay(20, ct);
        await stop.CancelAsync();
        await Task.WhenAll(aliceLoop, bobLoop).WaitAsync(TimeSpan.FromSeconds(15), ct);
        await Wait.Eventually(() => alice.State == ConnectionState.LoggedIn && bob.State == ConnectionState.LoggedIn, what: "both logged in at the end");

        Assert.True(dropped >= 100, $"{dropped} drops injected");
        Assert.True(acknowledged.Count > 100, $"orders acknowledged to alice: {acknowledged.Count}");
        var makerFills = reports.Items.Count(x => x.ExecID != 0 && x.LastShares > Quantity.Zero);
        Assert.True(makerFills > 20, $"alice's orders filled while dropping: {makerFills}");

        // The subscription is restored: a new order after the last drop shows up in alice's replica.
        var probe = await bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromSatoshis(1_000_000), Price.FromSatoshis(500 * Coin)), ct);
        await books.WaitForAsync(x => x.Bids.Any(e => e.OrderId == probe.OrderID), what: "a post-drop order in the replica");
        await BookAssert.ConvergesAsync(h.Exchange, E2EHarness.Symbol, () => books.Last, TimeSpan.FromSeconds(10), ct);

        await BalanceAssert.ConvergesAsync(h.Exchange, aliceId, () => balances.Last, ct, "USD", "BTC");

        // The exchange's truth, read by an auditor session that was never dropped.
        var auditor = await h.ConnectAsync("alice", ct, clientIp: "10.0.2.3");
        var truth = new Dictionary<long, OrderListEntry>();
        await foreach (var row in auditor.GetOrdersAsync(cancellationToken: ct))
        {
            truth[row.OrderID!.Value] = row;
        }
        Assert.True(truth.Count >= acknowledged.Count, $"exchange orders {truth.Count} ≥ acknowledged {acknowledged.Count}");

        // Every order alice's tracker knows ends in the exchange's final state.
        try
        {
            await Wait.Eventually(() => acknowledged.Keys.All(id => alice.Orders.TryGet(id, out var mine) && truth.TryGetValue(id, out var t) && SameState(mine, t)),
                TimeSpan.FromSeconds(5), "alice's tracker agrees with the exchange on every acknowledged order");
        }
        catch (TimeoutException)
        {
            var wrong = acknowledged.Keys.Where(id => !(alice.Orders.TryGet(id, out var mine) && truth.TryGetValue(id, out var t) && SameState(mine, t))).Take(5)
                .Select(id => $"order {id}: client {(alice.Orders.TryGet(id, out var m) ? $"{m.OrdStatus} {m.CumQty}/{m.LeavesQty}/{m.CxlQty}" : "unknown")}, "
                    + $"exchange {(truth.TryGetValue(id, out var t) ? $"{t.OrdStatus} {t.CumQty}/{t.LeavesQty}/{t.CxlQty}" : "unknown")}; reports "
                    + string.Join(" | ", reports.Items.Where(x => x.OrderID == id).Select(x => $"{x.ExecID}:{x.ExecType}:{x.OrdStatus}:{x.CumQty}/{x.LeavesQty}/{x.CxlQty} {x.Text}")));
            Assert.Fail($"{acknowledged.Keys.Count(id => !(alice.Orders.TryGet(id, out var mine) && truth.TryGetValue(id, out var t) && SameState(mine, t)))} of {acknowledged.Count} orders disagree:\n" + string.Join("\n", wrong));
        }
        foreach (var mine in alice.Orders.All)
        {
            Assert.True(truth.TryGetValue(mine.OrderID, out var t), $"order {mine.OrderID} exists at the exchange");
            Assert.True(SameState(mine, t), $"order {mine.OrderID}: client {mine.OrdStatus} {mine.CumQty}/{mine.LeavesQty}/{mine.CxlQty}, exchange {t.OrdStatus} {t.CumQty}/{t.LeavesQty}/{t.CxlQty}");
        }

        // The ER stream: no ExecID delivered twice for an order, and every closed order's final report exactly once.
        var stream = reports.Items;
        foreach (var group in stream.Where(x => x.OrderID != 0).GroupBy(x => x.OrderID))
        {
            var execIds = group.Where(x => x.ExecID != 0).Select(x => x.ExecID).ToList();
            Assert.True(execIds.Count == execIds.Distinct().Count(), $"order {group.Key}: duplicated ExecIDs {string.Join(",", execIds)}");
            var finals = group.Count(x => x.OrdStatus == OrdStatus.Filled || x.OrdStatus == OrdStatus.Cancelled);
            var closed = truth.TryGetValue(group.Key, out var t) && (t.OrdStatus == OrdStatus.Filled || t.OrdStatus == OrdStatus.Cancelled);
            Assert.True(finals == (closed ? 1 : 0), $"order {group.Key}: {finals} final reports, exchange {t?.OrdStatus}: {string.Join(" | ", group.Select(x => $"{x.ExecID}:{x.OrdStatus}:{x.CumQty}"))}");
        }
        foreach (var id in acknowledged.Keys)
        {
            Assert.Contains(stream, x => x.OrderID == id);
        }

        Console.WriteLine($"{kind}: {dropped} drops ({dropAll} drops and {closeAll} graceful closes of all connections) in {dropPhase.TotalMilliseconds:F0} ms, {acknowledged.Count} orders, {makerFills} maker fills, {aliceFailures} failed requests, {stream.Count} reports");
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task An_order_sent_just_before_a_drop_and_filled_before_its_first_report_arrives_is_reconciled_by_ClOrdID(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 10_000 * Coin, cancellationToken: ct);
        await h.CreateUserAsync("bob", btc: 10 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);
        var bob = await h.ConnectAsync("bob", ct);
        var reports = new Recorder<ExecutionReport>();
        using var r = alice.ExecutionReports.Subscribe(reports);

        // Nothing reaches any client from now on: alice's order is accepted and filled, but she never hears of it.
        h.Exchange.Faults.StallOutbound();
        var send = alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.5m), Price.FromDecimal(600m)) with { ClOrdID = "gap-1" }, ct);
        await Wait.Eventually(async () => (await h.Exchange.GetBookAsync(E2EHarness.Symbol, ct)).Bids.Count == 1, what: "alice's bid rests at the exchange");
        var take = bob.SendOrderAsync(NewOrder.Market(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(0.5m)), ct);
        await Wait.Eventually(async () => (await h.Exchange.GetBalanceAsync(aliceId, "BTC", ct)).Total.Satoshis > 0, what: "alice's bid filled at the exchange");
        Assert.Equal(0, reports.Count);

        h.Exchange.Faults.DropAllConnections();
        h.Exchange.Faults.ResumeOutbound();
        await Assert.ThrowsAnyAsync<Exception>(() => send);   // the connection closed before the report arrived
        await Assert.ThrowsAnyAsync<Exception>(() => take);

        await reports.WaitForAsync(x => x.ClOrdID == "gap-1" && x.OrdStatus == OrdStatus.Filled, what: "the reconciled fill");
        await Task.Delay(200, ct);                              // nothing else may follow
        var mine = Assert.Single(reports.Items);
        Assert.Equal(0, mine.ExecID);                           // synthesized from the order list
        Assert.Equal(Quantity.FromDecimal(0.5m), mine.CumQty);
        Assert.True(alice.Orders.TryGet("gap-1", out var tracked) && tracked.OrdStatus == OrdStatus.Filled);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_fill_during_the_gap_of_an_order_older_than_1000_others_is_reconciled_exactly_once(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 10_000_000 * Coin, cancellationToken: ct);
        await h.CreateUserAsync("bob", btc: 100 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct, clientIp: "10.0.3.1");
        var bob = await h.ConnectAsync("bob", ct, clientIp: "10.0.3.2");
        var reports = new Recorder<ExecutionReport>();
        var reconnected = 0;
        using var r = alice.ExecutionReports.Subscribe(reports);
        using var s = alice.ConnectionStates.Subscribe(change =>
        {
            if (change.State == ConnectionState.LoggedIn && change.Reason.StartsWith("Reconnected", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref reconnected);
            }
        });

        var old = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(590m)), ct);
        // 1,100 newer orders (IOC with nothing to match: each closed at once) push it beyond ten pages of history.
        for (var i = 0; i < 1_100; i++)
        {
            var ioc = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.01m), Price.FromDecimal(100m)) with { TimeInForce = TimeInForce.ImmediateOrCancel }, ct);
            if (OrderTracker.IsOpen(ioc.OrdStatus))
            {
                await WaitClosedAsync(alice, ioc.OrderID);
            }
        }

        // Alice hears nothing while Bob fills the old order; then her connection drops (the held frames are lost).
        h.Exchange.Faults.StallOutbound(kind == TransportKind.WebSocket ? "127.0.0.1" : "10.0.3.1");
        var fill = bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(590m)), ct);
        await Wait.Eventually(async () => (await h.Exchange.GetOpenOrdersAsync(aliceId, ct)).Count == 0, what: "the old order filled at the exchange");
        var before = Volatile.Read(ref reconnected);
        Assert.Equal(1, h.Exchange.Faults.DropConnectionsOf(aliceId));
        h.Exchange.Faults.ResumeOutbound();
        await fill.WaitAsync(ct);
        await Wait.Eventually(() => Volatile.Read(ref reconnected) > before && alice.State == ConnectionState.LoggedIn, what: "alice reconnected");

        await Wait.Eventually(() => alice.Orders.TryGet(old.OrderID, out var now) && now.OrdStatus == OrdStatus.Filled, what: "the old order reconciled as filled");
        await alice.PingAsync(ct);
        Assert.Single(reports.Items, x => x.OrderID == old.OrderID && x.OrdStatus == OrdStatus.Filled);
        Assert.Equal(Quantity.FromDecimal(1m), alice.Orders.TryGet(old.OrderID, out var final) ? final.CumQty : default);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Balances_missed_during_the_gap_are_refreshed_after_the_reconnect(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 1_000 * Coin, cancellationToken: ct);
        await h.CreateUserAsync("bob", btc: 10 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct, clientIp: "10.0.7.1");
        var bob = await h.ConnectAsync("bob", ct, clientIp: "10.0.7.2");
        var balances = new Recorder<Client.Account.BalanceSnapshot>();
        var reconnected = 0;
        using var b = alice.Balances.Subscribe(balances);
        using var s = alice.ConnectionStates.Subscribe(change =>
        {
            if (change.State == ConnectionState.LoggedIn && change.Reason.StartsWith("Reconnected", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref reconnected);
            }
        });
        await alice.GetBalancesAsync(ct);
        await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(600m)), ct);
        await Wait.Eventually(() => balances.Last?.Get("USD") is { Locked.Satoshis: 600 * Coin }, what: "600 USD locked");

        h.Exchange.Faults.StallOutbound(kind == TransportKind.WebSocket ? "127.0.0.1" : "10.0.7.1");
        var fill = bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(600m)), ct);
        await Wait.Eventually(async () => (await h.Exchange.GetOpenOrdersAsync(aliceId, ct)).Count == 0, what: "filled at the exchange");
        Assert.Equal(1, h.Exchange.Faults.DropConnectionsOf(aliceId));
        h.Exchange.Faults.ResumeOutbound();
        await fill.WaitAsync(ct);
        await Wait.Eventually(() => Volatile.Read(ref reconnected) > 0 && alice.State == ConnectionState.LoggedIn, what: "alice reconnected");

        // Alice was maker: 10 bps of 1 BTC; 600 USD spent, nothing locked.
        var btc = (await h.Exchange.GetBalanceAsync(aliceId, "BTC", ct)).Total.Satoshis;
        Assert.Equal(Coin - (Coin * E2EHarness.MakerBps / 10_000), btc);
        await Wait.Eventually(() => balances.Last?.Get("USD") is { Total.Satoshis: 400 * Coin, Locked.Satoshis: 0 } && balances.Last?.Get("BTC")?.Total?.Satoshis == btc,
            TimeSpan.FromSeconds(5), "the balances stream caught up with the fill missed during the gap");
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_re_login_refused_by_an_error_is_retried_until_the_session_is_restored(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var aliceId = await h.CreateUserAsync("alice", usd: 1_000 * Coin, cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct);
        var errors = new Recorder<Client.Diagnostics.BlinkTradeClientError>();
        var states = new Recorder<ConnectionStateChange>();
        using var e = alice.Errors.Subscribe(errors);
        using var s = alice.ConnectionStates.Subscribe(states);
        var order = await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(500m)), ct);

        // The next three messages the exchange reads (the re-login attempts) are answered with ERROR.
        h.Exchange.Faults.RejectNextMessages(3);
        Assert.Equal(1, h.Exchange.Faults.DropConnectionsOf(aliceId));

        await states.WaitForAsync(x => x.State == ConnectionState.LoggedIn && x.Reason.StartsWith("Reconnected", StringComparison.Ordinal), what: "reconnected after refused attempts");
        Assert.DoesNotContain(states.Items, x => x.State == ConnectionState.Disconnected);
        Assert.Contains(errors.Items, x => x.Kind == Client.Diagnostics.ClientErrorKind.ReconnectFailed);
        Assert.True(alice.Orders.TryGet(order.OrderID, out var tracked) && tracked.OrdStatus == OrdStatus.New);
        Assert.Equal(1_000 * Coin, (await alice.GetBalancesAsync(ct)).Get("USD")?.Total?.Satoshis);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Trade_and_ticker_subscriptions_are_restored_after_a_drop(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("alice", usd: 10_000 * Coin, cancellationToken: ct);
        await h.CreateUserAsync("bob", btc: 10 * Coin, cancellationToken: ct);
        var carolId = await h.CreateUserAsync("carol", cancellationToken: ct);
        var alice = await h.ConnectAsync("alice", ct, clientIp: "10.0.9.1");
        var bob = await h.ConnectAsync("bob", ct, clientIp: "10.0.9.2");
        var carol = await h.ConnectAsync("carol", ct, clientIp: "10.0.9.3");
        var trades = new Recorder<Client.MarketData.MarketTrade>();
        var ticks = new Recorder<Ticker>();
        var states = new Recorder<ConnectionStateChange>();
        using var t = carol.ObserveTrades(E2EHarness.Symbol).Subscribe(trades);
        using var k = carol.ObserveTicker(E2EHarness.Symbol).Subscribe(ticks);
        using var s = carol.ConnectionStates.Subscribe(states);
        await ticks.WaitForAsync(_ => true, what: "first ticker");

        Assert.Equal(1, h.Exchange.Faults.DropConnectionsOf(carolId));
        await states.WaitForAsync(x => x.State == ConnectionState.LoggedIn && x.Reason.StartsWith("Reconnected", StringComparison.Ordinal), what: "carol reconnected");

        await bob.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromDecimal(0.3m), Price.FromDecimal(615m)), ct);
        await alice.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromDecimal(0.3m), Price.FromDecimal(615m)), ct);

        var trade = await trades.WaitForAsync(x => x.Price == Price.FromDecimal(615m), what: "the trade after the reconnect");
        Assert.Equal(Quantity.FromDecimal(0.3m), trade.Size);
        await ticks.WaitForAsync(x => x.LastPx == Price.FromDecimal(615m), what: "the ticker after the reconnect");
        Assert.Single(trades.Items, x => x.Price == Price.FromDecimal(615m));
    }

    private static async Task<ExecutionReport> WaitClosedAsync(BlinkTradeClient client, long orderId)
    {
        ExecutionReport report = null!;
        await Wait.Eventually(() => client.Orders.TryGet(orderId, out report) && !OrderTracker.IsOpen(report.OrdStatus), what: $"order {orderId} closed");
        return report;
    }

    private static bool SameState(ExecutionReport mine, OrderListEntry truth)
        => mine.OrdStatus == truth.OrdStatus && mine.CumQty == truth.CumQty && mine.LeavesQty == truth.LeavesQty && mine.CxlQty == truth.CxlQty;
}
