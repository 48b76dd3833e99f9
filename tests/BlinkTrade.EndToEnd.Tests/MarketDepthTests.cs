using BlinkTrade.Client;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Requests;
using BlinkTrade.Client.Trading;
using BlinkTrade.EndToEnd.Tests.Support;
using BlinkTrade.Testing;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>Issue #20: <c>MarketDepth</c> on the snapshot and the stream, snapshot-only requests and full-refresh mode.</summary>
public sealed class MarketDepthTests
{
    private const long Coin = 1_0000_0000;

    [Theory]
    [InlineData(TransportKind.InMemory, 1)]
    [InlineData(TransportKind.WebSocket, 1)]
    [InlineData(TransportKind.InMemory, 5)]
    [InlineData(TransportKind.WebSocket, 5)]
    public async Task A_depth_N_book_holds_exactly_the_exchange_books_first_N_orders_under_a_random_order_flow(TransportKind kind, int depth)
    {
        using var cts = Wait.Budget(180);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        var watcherId = await h.CreateUserAsync("watcher", cancellationToken: ct);
        var watcher = await h.ConnectAsync("watcher", ct);
        var recoveries = new Recorder<SessionRecovery>();
        using var r = watcher.Recoveries.Subscribe(recoveries);
        var books = new Recorder<OrderBookSnapshot>();
        using var b = watcher.ObserveOrderBook(E2EHarness.Symbol, new OrderBookOptions { MarketDepth = depth }).Subscribe(books);
        await books.WaitForAsync(s => s.IsReset, what: "initial snapshot");

        var traders = new List<BlinkTradeClient>();
        for (var i = 0; i < 2; i++)
        {
            await h.CreateUserAsync($"t{i}", usd: 100_000_000 * Coin, btc: 1_000_000 * Coin, cancellationToken: ct);
            traders.Add(await h.ConnectAsync($"t{i}", ct, clientIp: $"10.0.2.{i + 1}"));
        }
        var random = new Random(2000 + depth);
        var deepChecks = 0;
        for (var n = 1; n <= 400; n++)
        {
            if (n == 200)
            {
                // The subscription comes back after a reconnect with the same depth.
                Assert.Equal(1, h.Exchange.Faults.DropConnectionsOf(watcherId));
                await recoveries.WaitForAsync(x => x.IsComplete, what: "the watcher's recovery");
            }
            if (n % 50 == 0)
            {
                var truth = await ConvergesAsync(h.Exchange, depth, () => books.Last, ct);
                if (truth.Bids.Count > depth && truth.Offers.Count > depth)
                {
                    deepChecks++;
                }
            }
            var client = traders[random.Next(traders.Count)];
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var roll = random.Next(100);
            var open = client.Orders.Open.ToArray();
            if (roll < 25 && open.Length > 0)
            {
                // Often the best order: the next one must move up into the window.
                var victim = roll < 12 ? open.OrderBy(o => o.Side == Side.Buy ? -o.Price.Satoshis : o.Price.Satoshis).First() : open[random.Next(open.Length)];
                try
                {
                    await client.CancelOrderAsync(victim.OrderID, ct);
                }
                catch (BlinkTradeErrorException)
                {
                    // G15: filled meanwhile by the other trader.
                }
                continue;
            }
            var order = roll < 32
                ? NewOrder.Market(E2EHarness.Symbol, side, Quantity.FromSatoshis(random.Next(1, 40) * 1_000_000L))
                : NewOrder.Limit(E2EHarness.Symbol, side, Quantity.FromSatoshis(random.Next(1, 100) * 1_000_000L),
                    Price.FromSatoshis((side == Side.Buy ? 600 - random.Next(-3, 15) : 600 + random.Next(-3, 15)) * Coin));
            await client.SendOrderAsync(order, ct);
            Assert.True(books.Items.All(x => x.Bids.Count <= depth && x.Asks.Count <= depth), "never more than the depth asked for");
        }
        await ConvergesAsync(h.Exchange, depth, () => books.Last, ct);
        Assert.True(deepChecks >= 3, $"the book was deeper than the window at {deepChecks} checks");
        // Reset only by the reconnect's new snapshot, never by a resync: every X fitted the window.
        Assert.Equal(2, books.Items.Count(x => x.IsReset));
        Assert.Null(books.Error);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_snapshot_only_request_gets_one_snapshot_of_the_depth_asked_and_nothing_after(TransportKind kind)
    {
        using var cts = Wait.Budget();
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("watcher", cancellationToken: ct);
        await h.CreateUserAsync("maker", usd: 1_000_000 * Coin, btc: 1_000 * Coin, cancellationToken: ct);
        var maker = await h.ConnectAsync("maker", ct);
        for (var i = 0; i < 6; i++)
        {
            await maker.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromSatoshis(Coin / 10), Price.FromSatoshis((590 - i) * Coin)), ct);
            await maker.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Sell, Quantity.FromSatoshis(Coin / 10), Price.FromSatoshis((610 + i) * Coin)), ct);
        }
        var watcher = await h.ConnectAsync("watcher", ct);
        var messages = new Recorder<BlinkTradeMessage>();
        using var m = watcher.Messages.Subscribe(messages);

        var full = await watcher.GetOrderBookAsync(E2EHarness.Symbol, cancellationToken: ct);
        var top2 = await watcher.GetOrderBookAsync(E2EHarness.Symbol, new OrderBookOptions { MarketDepth = 2 }, ct);
        var truth = await h.Exchange.GetBookAsync(E2EHarness.Symbol, ct);
        Assert.True(Same(truth, full, 0));
        Assert.Equal(6, full.Bids.Count);
        Assert.True(Same(truth, top2, 2));
        Assert.Equal(2, top2.Asks.Count);

        // The book changes; the watcher's next answer comes after anything the exchange sent it about those changes.
        await maker.SendOrderAsync(NewOrder.Limit(E2EHarness.Symbol, Side.Buy, Quantity.FromSatoshis(Coin), Price.FromSatoshis(600 * Coin)), ct);
        await maker.CancelOrderAsync((await h.Exchange.GetOpenOrdersAsync((await h.Exchange.FindUserIdAsync("maker", ct))!.Value, ct))[0].OrderId, ct);
        await watcher.GetSecurityListAsync(ct);
        Assert.Equal(2, messages.Items.Count(x => x is MarketDataFullRefresh));
        Assert.DoesNotContain(messages.Items, x => x is MarketDataIncrementalRefresh);
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_full_refresh_subscription_gets_every_change_as_a_snapshot_of_its_depth(TransportKind kind)
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var h = await E2EHarness.StartAsync(kind, ct);
        await h.CreateUserAsync("watcher", cancellationToken: ct);
        await h.CreateUserAsync("maker", usd: 1_000_000 * Coin, btc: 1_000 * Coin, cancellationToken: ct);
        await h.CreateUserAsync("taker", usd: 1_000_000 * Coin, btc: 1_000 * Coin, cancellationToken: ct);
        var watcher = await h.ConnectAsync("watcher", ct);
        var maker = await h.ConnectAsync("maker", ct);
        var taker = await h.ConnectAsync("taker", ct, clientIp: "10.0.3.1");
        var messages = new Recorder<BlinkTradeMessage>();
        using var m = watcher.Messages.Subscribe(messages);
        var books = new Recorder<OrderBookSnapshot>();
        using var b = watcher.ObserveOrderBook(E2EHarness.Symbol, new OrderBookOptions { MarketDepth = 3, FullRefresh = true }).Subscribe(books);
        await books.WaitForAsync(s => s.IsReset, what: "initial snapshot");

        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
            var market = random.Next(5) == 0;
            await (market ? taker : maker).SendOrderAsync(market
                ? NewOrder.Market(E2EHarness.Symbol, side, Quantity.FromSatoshis(random.Next(1, 20) * 1_000_000L))
                : NewOrder.Limit(E2EHarness.Symbol, side, Quantity.FromSatoshis(random.Next(1, 50) * 1_000_000L),
                    Price.FromSatoshis((side == Side.Buy ? 600 - random.Next(0, 10) : 601 + random.Next(0, 10)) * Coin)), ct);
        }
        await ConvergesAsync(h.Exchange, 3, () => books.Last, ct);

        Assert.True(books.Count > 10, $"{books.Count} books published");
        Assert.Single(books.Items, x => x.IsReset);
        Assert.True(books.Items.All(x => x.Bids.Count <= 3 && x.Asks.Count <= 3));
        // The book's changes came as W; X carried only the trades.
        Assert.True(messages.Items.Count(x => x is MarketDataFullRefresh) > 10);
        var incremental = messages.Items.OfType<MarketDataIncrementalRefresh>().SelectMany(x => x.MDIncGrp ?? []).ToList();
        Assert.Contains(incremental, e => e.MDEntryType == MarketDataEntryType.Trade);
        Assert.DoesNotContain(incremental, e => e.MDEntryType == MarketDataEntryType.Bid || e.MDEntryType == MarketDataEntryType.Offer);
    }

    private static bool Same(ExchangeBook truth, OrderBookSnapshot? replica, int depth)
    {
        static IEnumerable<(Price, Quantity, long)> Top(IReadOnlyList<ExchangeBookEntry> side, int depth)
            => (depth == 0 ? side : side.Take(depth)).Select(e => (e.Price, e.Quantity, e.OrderId));
        return replica is not null
            && Top(truth.Bids, depth).SequenceEqual(replica.Bids.Select(e => (e.Price, e.Size, e.OrderId)))
            && Top(truth.Offers, depth).SequenceEqual(replica.Asks.Select(e => (e.Price, e.Size, e.OrderId)));
    }

    // Waits until the replica equals the exchange's book truncated to the depth (the exchange being quiescent).
    private static async Task<ExchangeBook> ConvergesAsync(ReferenceExchange exchange, int depth, Func<OrderBookSnapshot?> replica, CancellationToken cancellationToken)
    {
        var truth = await exchange.GetBookAsync(E2EHarness.Symbol, cancellationToken);
        await Wait.Eventually(async () =>
        {
            truth = await exchange.GetBookAsync(E2EHarness.Symbol, cancellationToken);
            return Same(truth, replica(), depth);
        }, TimeSpan.FromSeconds(15), $"the replica equals the exchange's first {depth} orders per side");
        return truth;
    }
}
