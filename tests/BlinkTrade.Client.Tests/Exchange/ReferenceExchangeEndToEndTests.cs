using BlinkTrade.Client.Account;
using BlinkTrade.Client.Diagnostics;
using BlinkTrade.Client.MarketData;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Tests.Support;
using BlinkTrade.Client.Trading;
using BlinkTrade.Testing;
using OrderBookSnapshot = BlinkTrade.Client.MarketData.OrderBookSnapshot;

namespace BlinkTrade.Client.Tests.Exchange;

/// <summary>The client against the reference exchange (real gateway, engine and accounts) over its in-memory transport.</summary>
public sealed class ReferenceExchangeEndToEndTests
{
    private static async Task<ReferenceExchange> StartExchangeAsync()
    {
        var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions { PasswordHashIterations = 1, MaxMessagesPerSecond = 100_000 });
        await exchange.CreateBrokerAsync(5, "testnet", 10, 20);
        await exchange.CreateInstrumentAsync("BTCUSD", "BTC", "USD");
        return exchange;
    }

    private static async Task<int> CreateFundedUserAsync(ReferenceExchange exchange, string username)
    {
        var id = await exchange.CreateUserAsync(username, username + "-pw-1", 5, username + "@example.com");
        await exchange.CreditAsync(id, "USD", new(1_000_000_00000000));
        await exchange.CreditAsync(id, "BTC", new(1_000_00000000));
        return id;
    }

    private static BlinkTradeClient CreateClient(ReferenceExchange exchange, string username, string clientIp = "127.0.0.1") => new(new BlinkTradeClientOptions
    {
        Endpoint = TestDefaults.Endpoint,
        BrokerId = 5,
        Transport = exchange.CreateInMemoryTransport(clientIp),
        Credentials = BlinkTradeCredentials.FromPassword(username, username + "-pw-1"),
    });

    [Fact]
    public async Task Session_market_data_trading_and_account_calls_work_end_to_end()
    {
        await using var exchange = await StartExchangeAsync();
        await CreateFundedUserAsync(exchange, "alice");
        await CreateFundedUserAsync(exchange, "bob");
        await using var a = CreateClient(exchange, "alice");
        await using var b = CreateClient(exchange, "bob");
        var errorsA = new RecordingObserver<BlinkTradeClientError>();
        var errorsB = new RecordingObserver<BlinkTradeClientError>();
        a.Errors.Subscribe(errorsA);
        b.Errors.Subscribe(errorsB);
        await a.ConnectAsync().WaitAsync(TestDefaults.Timeout);
        await b.ConnectAsync().WaitAsync(TestDefaults.Timeout);
        Assert.Equal(ConnectionState.LoggedIn, a.State);
        await a.PingAsync().WaitAsync(TestDefaults.Timeout);

        var books = new RecordingObserver<OrderBookSnapshot>();
        var trades = new RecordingObserver<MarketTrade>();
        var ticks = new RecordingObserver<Ticker>();
        using var bookSubscription = a.ObserveOrderBook("BTCUSD").Subscribe(books);
        using var tradeSubscription = a.ObserveTrades("BTCUSD").Subscribe(trades);
        using var tickerSubscription = a.ObserveTicker("BTCUSD").Subscribe(ticks);
        await books.WaitForAsync(s => s.IsReset);
        Assert.Equal(Amount.FromDecimal(1_000_000m), (await a.GetBalancesAsync()).Get("USD")?.Total);

        // The documented scenario: asks 0.5 @ 620 and 1.0 @ 621, then a buy of 0.8 @ 621.
        await b.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Sell, Quantity.FromDecimal(0.5m), Price.FromDecimal(620m)));
        var ask2 = await b.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(621m)));
        await books.WaitForAsync(s => s.Asks.Count == 2);
        var buy = await a.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(0.8m), Price.FromDecimal(621m)));
        Assert.Equal(OrdType.Limit, buy.OrdType);
        var after = await books.WaitForAsync(s => s.Asks.Count == 1 && s.Asks[0].Size == Quantity.FromDecimal(0.7m));
        Assert.Equal(ask2.OrderID, after.Asks[0].OrderId);
        await trades.WaitUntilAsync(t => t.Count == 2);
        Assert.Equal([Price.FromDecimal(620m), Price.FromDecimal(621m)], trades.Items.Select(t => t.Price));
        await ticks.WaitForAsync(t => t.LastPx == Price.FromDecimal(621m));

        var cancelled = await b.CancelOrderAsync(ask2.ClOrdID!);
        Assert.Equal(Quantity.FromDecimal(0.7m), cancelled.CxlQty);
        await books.WaitForAsync(s => s.Asks.Count == 0);

        var orders = await a.GetOrdersAsync().ToListAsync();
        Assert.Equal(buy.OrderID, Assert.Single(orders).OrderID);
        Assert.NotEmpty(await a.GetLedgerAsync().ToListAsync());
        Assert.Equal(2, (await a.GetTradeHistoryAsync().ToListAsync()).Count);
        Assert.Equal(5, Assert.Single(await a.GetBrokersAsync()).BrokerID);
        var key = await a.CreateApiKeyAsync("bot");
        Assert.Contains(await a.GetApiKeysAsync().ToListAsync(), k => k.APIKey == key.APIKey);
        await a.RevokeApiKeyAsync(key.APIKey!);
        Assert.NotNull((await a.RequestDepositAsync(currency: "BTC")).Deposit.DepositID);
        Assert.Equal("BTCUSD", Assert.Single((await a.GetSecurityListAsync()).Instruments!).Symbol);
        await a.CancelAllOrdersAsync();
        await a.ChangePasswordAsync("alice-pw-1", "alice-pw-2");
        await a.LogoutAsync();
        Assert.Empty(errorsA.Items);
        Assert.Empty(errorsB.Items);
    }

    [Fact]
    public async Task A_fill_lost_with_a_dropped_connection_is_reconciled_exactly_once()
    {
        await using var exchange = await StartExchangeAsync();
        var alice = await CreateFundedUserAsync(exchange, "alice");
        await CreateFundedUserAsync(exchange, "bob");
        await using var a = CreateClient(exchange, "alice", "10.0.0.1");
        await using var b = CreateClient(exchange, "bob", "10.0.0.2");
        var reports = new RecordingObserver<ExecutionReport>();
        var bobReports = new RecordingObserver<ExecutionReport>();
        var states = new RecordingObserver<ConnectionStateChange>();
        var books = new RecordingObserver<OrderBookSnapshot>();
        a.ExecutionReports.Subscribe(reports);
        b.ExecutionReports.Subscribe(bobReports);
        a.ConnectionStates.Subscribe(states);
        using var bookSubscription = a.ObserveOrderBook("BTCUSD").Subscribe(books);
        await a.ConnectAsync().WaitAsync(TestDefaults.Timeout);
        await b.ConnectAsync().WaitAsync(TestDefaults.Timeout);
        await books.WaitForAsync(s => s.IsReset);
        var bid = await a.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(600m)));
        await books.WaitForAsync(s => s.Bids.Count == 1);

        // Alice's frames are held back while Bob fills her order, then her connection drops: the fill report is lost.
        exchange.Faults.StallOutbound("10.0.0.1");
        var sell = await b.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Sell, Quantity.FromDecimal(1m), Price.FromDecimal(600m)));
        await bobReports.WaitForAsync(r => r.OrderID == sell.OrderID && r.OrdStatus == OrdStatus.Filled);
        exchange.Faults.DropConnectionsOf(alice);
        exchange.Faults.ResumeOutbound();

        await states.WaitForAsync(s => s.State == ConnectionState.LoggedIn && s.Reason.StartsWith("Reconnected", StringComparison.Ordinal));
        var filled = await reports.WaitForAsync(r => r.OrderID == bid.OrderID && r.OrdStatus == OrdStatus.Filled);
        Assert.Equal(0, filled.ExecID); // synthesized by the U4 reconciliation
        Assert.Equal(Quantity.FromDecimal(1m), filled.CumQty);
        Assert.Single(reports.Items, r => r.OrderID == bid.OrderID && r.OrdStatus == OrdStatus.Filled);
        var reset = await books.WaitForAsync(s => s.IsReset && s.Sequence > 2);
        Assert.Empty(reset.Bids);
        Assert.Empty(reset.Asks);
    }

    [Fact]
    public async Task The_replica_equals_the_exchange_book_after_random_trading()
    {
        await using var exchange = await StartExchangeAsync();
        List<BlinkTradeClient> clients = [];
        try
        {
            for (var i = 0; i < 3; i++)
            {
                await CreateFundedUserAsync(exchange, $"u{i}");
                var client = CreateClient(exchange, $"u{i}", $"10.0.0.{i + 1}");
                clients.Add(client);
                await client.ConnectAsync().WaitAsync(TestDefaults.Timeout);
            }
            var books = new RecordingObserver<OrderBookSnapshot>();
            var errors = new RecordingObserver<BlinkTradeClientError>();
            clients[0].Errors.Subscribe(errors);
            using var subscription = clients[0].ObserveOrderBook("BTCUSD").Subscribe(books);
            await books.WaitForAsync(s => s.IsReset);

            var random = new Random(7);
            for (var n = 0; n < 430; n++)
            {
                var client = clients[random.Next(3)];
                var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                var roll = random.Next(10);
                if (n >= 400)
                {
                    // Finish with a resting book on both sides.
                    await client.SendOrderAsync(n % 2 == 0
                        ? NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(random.Next(1, 20) / 10m), Price.FromDecimal(560 + random.Next(0, 10)))
                        : NewOrder.Limit("BTCUSD", Side.Sell, Quantity.FromDecimal(random.Next(1, 20) / 10m), Price.FromDecimal(640 + random.Next(0, 10))));
                }
                else if (roll < 7)
                {
                    await client.SendOrderAsync(NewOrder.Limit("BTCUSD", side, Quantity.FromDecimal(random.Next(1, 20) / 10m), Price.FromDecimal(600 + random.Next(-10, 11))));
                }
                else if (roll < 9 && client.Orders.Open.FirstOrDefault() is { } open)
                {
                    // One snapshot of Open: a fill arriving on the receive loop may empty it between two reads.
                    try
                    {
                        await client.CancelOrderAsync(open.OrderID);
                    }
                    catch (Requests.BlinkTradeErrorException)
                    {
                        // The order filled in the meantime (the exchange answers "Order not found").
                    }
                }
                else
                {
                    await client.SendOrderAsync(NewOrder.Market("BTCUSD", side, Quantity.FromDecimal(random.Next(1, 5) / 10m)));
                }
            }

            var truth = await exchange.GetBookAsync("BTCUSD");
            Assert.NotEmpty(truth.Bids);
            Assert.NotEmpty(truth.Offers);
            bool Matches(OrderBookSnapshot mine) =>
                truth.Bids.Select(e => (e.OrderId, e.Quantity)).SequenceEqual(mine.Bids.Select(e => (e.OrderId, e.Size)))
                && truth.Offers.Select(e => (e.OrderId, e.Quantity)).SequenceEqual(mine.Asks.Select(e => (e.OrderId, e.Size)));
            await books.WaitUntilAsync(items => Matches(items[^1]));
            Assert.DoesNotContain(errors.Items, e => e.Kind == ClientErrorKind.BookOutOfSync);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_default_websocket_transport_works_against_the_exchange_kestrel_host()
    {
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions { PasswordHashIterations = 1, EnableWebSocketServer = true });
        await exchange.CreateBrokerAsync(5, "testnet");
        await exchange.CreateInstrumentAsync("BTCUSD", "BTC", "USD");
        await CreateFundedUserAsync(exchange, "carol");
        await using var client = new BlinkTradeClient(new BlinkTradeClientOptions
        {
            Endpoint = exchange.WebSocketUri,
            BrokerId = 5,
            Credentials = BlinkTradeCredentials.FromPassword("carol", "carol-pw-1"),
        });
        var books = new RecordingObserver<OrderBookSnapshot>();
        using var subscription = client.ObserveOrderBook("BTCUSD").Subscribe(books);

        await client.ConnectAsync().WaitAsync(TestDefaults.Timeout);
        await books.WaitForAsync(s => s.IsReset);
        var report = await client.SendOrderAsync(NewOrder.Limit("BTCUSD", Side.Buy, Quantity.FromDecimal(0.1m), Price.FromDecimal(600m))).WaitAsync(TestDefaults.Timeout);

        Assert.Equal(ExecType.New, report.ExecType);
        Assert.Equal(report.OrderID, (await books.WaitForAsync(s => s.Bids.Count == 1)).Bids[0].OrderId);
        Assert.True(await client.PingAsync().WaitAsync(TestDefaults.Timeout) >= TimeSpan.Zero);
    }
}
