using System.Text.Json;
using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Trading;

public sealed class RobustnessTests
{
    public static readonly string[] HostileFrames =
    [
        "", " ", "{", "}", "[]", "null", "42", "\"D\"", "{\"MsgType\":", "{MsgType:\"1\"}", "{'MsgType':'1'}",
        "{\"MsgType\":\"1\",\"TestReqID\":1", "{\"MsgType\":\"1\"}{\"MsgType\":\"1\"}", new string('[', 100) + new string(']', 100),
        "{\"a\":" + new string('[', 40) + new string(']', 40) + "}",
        "{}", "{\"msgtype\":\"1\",\"TestReqID\":1}", "{\"MsgType\":1,\"TestReqID\":1}", "{\"MsgType\":null}", "{\"MsgType\":\"\"}", "{\"MsgType\":[\"1\"]}",
        "{\"MsgType\":\"ZZ\"}", "{\"MsgType\":\"j\"}", "{\"MsgType\":\"9\"}", "{\"MsgType\":\"S6\"}", "{\"MsgType\":\"B0\"}", "{\"MsgType\":\"U56\"}",
        "{\"MsgType\":\"1\"}", "{\"MsgType\":\"1\",\"TestReqID\":{}}",
        "{\"MsgType\":\"BE\",\"UserReqID\":1}", "{\"MsgType\":\"BE\",\"UserReqID\":1,\"UserReqTyp\":\"9\"}", "{\"MsgType\":\"BE\",\"UserReqID\":1,\"UserReqTyp\":\"1\",\"Username\":\"x\"}",
        "{\"MsgType\":\"BE\",\"UserReqID\":1,\"UserReqTyp\":\"1\",\"Username\":\"alice\",\"Password\":\"abc12345\"}",
        "{\"MsgType\":\"BE\",\"UserReqID\":1,\"UserReqTyp\":\"3\",\"Password\":\"abc12345\"}",
        "{\"MsgType\":\"U0\",\"UserReqID\":1}",
        "{\"MsgType\":\"D\"}", "{\"MsgType\":\"D\",\"ClOrdID\":7,\"Symbol\":\"BTCUSD\",\"Side\":\"1\",\"OrdType\":\"2\",\"Price\":1,\"OrderQty\":1}",
        "{\"MsgType\":\"D\",\"ClOrdID\":\"h1\"}", "{\"MsgType\":\"D\",\"ClOrdID\":\"h2\",\"Symbol\":\"BTCUSD\",\"Side\":\"3\",\"OrdType\":\"2\",\"Price\":1,\"OrderQty\":1}",
        "{\"MsgType\":\"D\",\"ClOrdID\":\"h3\",\"Symbol\":\"BTCUSD\",\"Side\":\"1\",\"OrdType\":\"P\",\"Price\":1,\"OrderQty\":1}",
        "{\"MsgType\":\"D\",\"ClOrdID\":\"h4\",\"Symbol\":\"BTCUSD\",\"Side\":\"1\",\"OrdType\":\"2\",\"OrderQty\":1}",
        "{\"MsgType\":\"D\",\"ClOrdID\":\"h5\",\"Symbol\":\"BTCUSD\",\"Side\":\"1\",\"OrdType\":\"2\",\"Price\":\"abc\",\"OrderQty\":1}",
        "{\"MsgType\":\"D\",\"ClOrdID\":\"h6\",\"Symbol\":\"BTCUSD\",\"Side\":\"1\",\"OrdType\":\"2\",\"Price\":1.5,\"OrderQty\":1}",
        "{\"MsgType\":\"D\",\"ClOrdID\":\"h7\",\"Symbol\":\"BTCUSD\",\"Side\":\"1\",\"OrdType\":\"2\",\"Price\":1,\"OrderQty\":-5}",
        "{\"MsgType\":\"D\",\"ClOrdID\":\"h8\",\"Symbol\":\"BTCUSD\",\"Side\":\"1\",\"OrdType\":\"2\",\"Price\":1e40,\"OrderQty\":1}",
        "{\"MsgType\":\"D\",\"ClOrdID\":\"h9\",\"Symbol\":\"BTCUSD\",\"Side\":\"1\",\"OrdType\":\"2\",\"Price\":1,\"OrderQty\":99999999999999999999999}",
        "{\"MsgType\":\"D\",\"ClOrdID\":\"" + new string('c', 31) + "\",\"Symbol\":\"BTCUSD\",\"Side\":\"1\",\"OrdType\":\"2\",\"Price\":1,\"OrderQty\":1}",
        "{\"MsgType\":\"D\",\"ClOrdID\":\"h10\",\"Symbol\":\"BTCUSD\",\"Side\":\"1\",\"OrdType\":\"2\",\"Price\":1,\"OrderQty\":1,\"TimeInForce\":\"7\"}",
        "{\"MsgType\":\"D\",\"ClOrdID\":\"h11\",\"Symbol\":\"BTCUSD\",\"Side\":\"1\",\"OrdType\":\"2\",\"Price\":1,\"OrderQty\":1,\"ExecInst\":\"Z\"}",
        "{\"MsgType\":\"D\",\"ClOrdID\":\"h12\",\"Symbol\":\"BTCUSD\",\"Side\":\"1\",\"OrdType\":\"3\",\"OrderQty\":1}",
        "{\"MsgType\":\"D\",\"ClOrdID\":\"h13\",\"Symbol\":\"BTCUSD\",\"Side\":\"1\",\"OrdType\":\"2\",\"Price\":1,\"OrderQty\":1,\"ClientID\":1}",
        "{\"MsgType\":\"F\"}", "{\"MsgType\":\"F\",\"ClOrdID\":\"ghost\"}", "{\"MsgType\":\"F\",\"OrderID\":\"abc\"}", "{\"MsgType\":\"F\",\"OrderID\":1}", "{\"MsgType\":\"F\",\"Side\":\"5\"}",
        "{\"MsgType\":\"U2\"}", "{\"MsgType\":\"U2\",\"BalanceReqID\":1,\"ClientID\":\"bob\"}", "{\"MsgType\":\"U2\",\"BalanceReqID\":1,\"ClientID\":123456}",
        "{\"MsgType\":\"U4\"}", "{\"MsgType\":\"U4\",\"OrdersReqID\":1,\"PageSize\":0}", "{\"MsgType\":\"U4\",\"OrdersReqID\":1,\"Page\":-1}", "{\"MsgType\":\"U4\",\"OrdersReqID\":1,\"Filter\":[\"drop table\"]}",
        "{\"MsgType\":\"U4\",\"OrdersReqID\":1,\"Filter\":\"has_leaves_qty eq 1\"}",
        "{\"MsgType\":\"U34\"}", "{\"MsgType\":\"U42\"}",
        "{\"MsgType\":\"V\"}", "{\"MsgType\":\"V\",\"MDReqID\":1}", "{\"MsgType\":\"V\",\"MDReqID\":1,\"SubscriptionRequestType\":\"7\"}",
        "{\"MsgType\":\"V\",\"MDReqID\":1,\"SubscriptionRequestType\":\"1\"}", "{\"MsgType\":\"V\",\"MDReqID\":1,\"SubscriptionRequestType\":\"1\",\"MarketDepth\":-1,\"Instruments\":[\"BTCUSD\"]}",
        "{\"MsgType\":\"V\",\"MDReqID\":1,\"SubscriptionRequestType\":\"1\",\"Instruments\":\"BTCUSD\"}",
        "{\"MsgType\":\"x\"}", "{\"MsgType\":\"x\",\"SecurityReqID\":1,\"SecurityListRequestType\":9}", "{\"MsgType\":\"e\"}", "{\"MsgType\":\"e\",\"SecurityStatusReqID\":1,\"Instruments\":[\"NOPE\"]}",
        "{\"MsgType\":\"U32\"}", "{\"MsgType\":\"U16\",\"EnableTwoFactorReqID\":1}",
        "{\"MsgType\":\"U52\",\"APIKeyCreateReqID\":1}", "{\"MsgType\":\"U52\",\"APIKeyCreateReqID\":1,\"Label\":\"x\",\"PermissionList\":[1]}",
        "{\"MsgType\":\"U52\",\"APIKeyCreateReqID\":1,\"Label\":\"x\",\"PermissionList\":\"{not json\"}", "{\"MsgType\":\"U52\",\"APIKeyCreateReqID\":1,\"Label\":\"x\",\"IPWhiteList\":[\"not-an-ip\"]}",
        "{\"MsgType\":\"U54\",\"APIKeyRevokeReqID\":1}", "{\"MsgType\":\"U54\",\"APIKeyRevokeReqID\":1,\"APIKey\":\"zzz\"}",
    ];

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Hostile_frames_each_get_ERROR_while_another_session_keeps_trading(TransportKind kind)
    {
        Assert.True(HostileFrames.Length >= 50);
        await using var harness = await StartFundedAsync(kind);
        await using var hostile = await harness.LoginAsync("alice");
        await using var trader = await harness.LoginAsync("bob");
        using var stop = new CancellationTokenSource();
        // Set after the trader's first order and cancel: on a loaded machine the task may start only after every
        // hostile frame was answered, and stopping it before its first round would leave nothing traded.
        var traded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var trading = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var id = "t" + n++;
                await trader.SendAsync(Order(id, n % 2 == 0 ? "1" : "2", (n % 2 == 0 ? 400 : 800) * Btc, 10_000));
                await trader.WaitForAsync(Er(id, "0"));
                await trader.SendAsync($$"""{"MsgType":"F","ClOrdID":"{{id}}"}""");
                await trader.WaitForAsync(Er(id, "4"));
                traded.TrySetResult();
            }
            return n;
        });

        foreach (var frame in HostileFrames)
        {
            await hostile.SendAsync(frame);
            JsonElement reply;
            try
            {
                reply = await hostile.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "ERROR", TimeSpan.FromSeconds(5));
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException("No ERROR for hostile frame: " + frame);
            }
            Assert.False(string.IsNullOrEmpty(reply.GetProperty("Description").GetString()), frame);
            Assert.True(reply.TryGetProperty("Detail", out _), frame);
            Assert.DoesNotContain("   at ", reply.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", reply.GetRawText(), StringComparison.Ordinal);
        }

        var hb = await hostile.RequestAsync("""{"MsgType":"1","TestReqID":"still here"}""", "0");
        Assert.Equal("still here", hb.GetProperty("TestReqID").GetString());
        await traded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        Assert.True(await trading > 0);
        Assert.Empty(await harness.Exchange.GetOpenOrdersAsync(harness.BobId));
    }

    [Fact]
    public async Task A_slow_subscriber_is_disconnected_with_ERROR_without_slowing_the_others()
    {
        var logs = new CollectingLoggerFactory();
        await using var harness = await StartFundedAsync(configure: o => o with { SessionQueueCapacity = 16, LoggerFactory = logs });
        await using var slow = await harness.ConnectAsync("10.0.0.66");
        await slow.RequestAsync("""{"MsgType":"V","MDReqID":1,"SubscriptionRequestType":"1","MarketDepth":0,"MDEntryTypes":["0","1","2"],"Instruments":["BTCUSD"]}""", "W");
        await using var alice = await harness.LoginAsync("alice");
        harness.Exchange.Faults.StallOutbound("10.0.0.66");

        for (var i = 0; i < 40; i++)
        {
            await alice.SendAsync(Order("s" + i, "1", (300 + i) * Btc, 10_000));
            await alice.WaitForAsync(Er("s" + i, "0"));
        }

        Assert.True(await slow.WaitForCloseAsync());
        var error = Assert.Single(slow.Backlog, f => f.GetProperty("MsgType").GetString() == "ERROR");
        Assert.Equal("Slow consumer", error.GetProperty("Description").GetString());
        Assert.Contains(logs.Entries, e => e.Id.Id == 4006);
        var hb = await alice.RequestAsync("""{"MsgType":"1","TestReqID":1}""", "0");
        Assert.Equal("0", hb.GetProperty("MsgType").GetString());
        harness.Exchange.Faults.ResumeOutbound();
    }

    [Fact]
    public async Task Hundred_concurrent_sessions_trade_at_random_and_the_ledger_balances()
    {
        const int Sessions = 100;
        const int OrdersEach = 20;
        // Every fifth session comes over the Kestrel WebSocket server, the others in memory: same sessions, same engine.
        await using var harness = await ExchangeHarness.StartAsync(configure: o => o with { EnableWebSocketServer = true });
        var users = new int[Sessions];
        for (var i = 0; i < Sessions; i++)
        {
            users[i] = await harness.Exchange.CreateUserAsync("trader" + i, "pass12345", 5);
            await harness.Exchange.CreditAsync(users[i], "BTC", new(5 * Btc));
            await harness.Exchange.CreditAsync(users[i], "USD", new(1_000 * Btc));
        }

        // A market-data watcher keeps a replica of the book from W + X only (PROTOCOL.md §3.8 rules).
        await using var watcher = await harness.ConnectAsync();
        await watcher.RequestAsync("""{"MsgType":"V","MDReqID":"w","SubscriptionRequestType":"1","MarketDepth":0,"MDUpdateType":"1","MDEntryTypes":["0","1"],"Instruments":["BTCUSD"]}""", "W");

        var clients = new GatewayClient[Sessions];
        var trading = Enumerable.Range(0, Sessions).Select(i => Task.Run(async () =>
        {
            var random = new Random(i);
            var client = clients[i] = i % 5 == 0 ? await harness.ConnectWebSocketAsync() : await harness.ConnectAsync();
            var bf = await client.RequestAsync(Login("trader" + i, "pass12345"), "BF");
            Assert.Equal(1, bf.GetProperty("UserStatus").GetInt32());
            var pending = new HashSet<string>();
            for (var n = 0; n < OrdersEach; n++)
            {
                var id = $"{i}-{n}";
                var side = random.Next(2) == 0 ? "1" : "2";
                var price = (95 + random.Next(11)) * Btc;
                var qty = (1 + random.Next(20)) * 1_000_000;
                var type = random.Next(10) == 0 ? "1" : "2";
                pending.Add(id);
                await client.SendAsync(Order(id, side, price, qty, type));
                if (random.Next(4) == 0)
                {
                    await client.SendAsync($$"""{"MsgType":"F","ClOrdID":"{{id}}"}""");
                }
            }
            while (pending.Count > 0)
            {
                var er = await client.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "8" && pending.Contains(f.GetProperty("ClOrdID").GetString()!), TimeSpan.FromSeconds(30));
                pending.Remove(er.GetProperty("ClOrdID").GetString()!);
            }
            // Wait for this very heartbeat (earlier cancels of filled orders left ERRORs in the backlog).
            await client.SendAsync("""{"MsgType":"1","TestReqID":"traded"}""");
            await client.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "0" && f.GetProperty("TestReqID").GetString() == "traded", TimeSpan.FromSeconds(30));
        })).ToArray();
        await Task.WhenAll(trading);

        // Quiescent with a full book: the watcher's replica equals the engine's book, order by order.
        var replica = new Dictionary<string, List<(long OrderId, long Size)>> { ["0"] = [], ["1"] = [] };
        var applied = 0;
        var updates = await ApplyIncrementalsAsync(watcher, replica, applied);
        applied = watcher.Backlog.Count;
        var fullBook = await harness.Exchange.GetBookAsync("BTCUSD");
        Assert.True(fullBook.Bids.Count + fullBook.Offers.Count > 0, "the random trading left no resting orders");
        Assert.Equal(fullBook.Bids.Select(b => (b.OrderId, b.Quantity.Satoshis)), replica["0"]);
        Assert.Equal(fullBook.Offers.Select(o => (o.OrderId, o.Quantity.Satoshis)), replica["1"]);

        var cancelling = Enumerable.Range(0, Sessions).Select(i => Task.Run(async () =>
        {
            var client = clients[i];
            await client.SendAsync("""{"MsgType":"F","Side":"1"}""");
            await client.SendAsync("""{"MsgType":"F","Side":"2"}""");
            await client.SendAsync("""{"MsgType":"1","TestReqID":"done"}""");
            await client.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "0" && f.GetProperty("TestReqID").GetString() == "done", TimeSpan.FromSeconds(30));
            await client.DisposeAsync();
        })).ToArray();
        await Task.WhenAll(cancelling);

        // Invariants of part 1: nothing created or destroyed; nothing locked once every order is gone; no negative balance.
        Assert.Equal(Sessions * 5 * Btc + 2 * 10 * 0, (await harness.Exchange.GetTotalInCirculationAsync("BTC")).Satoshis);
        Assert.Equal(Sessions * 1_000 * Btc, (await harness.Exchange.GetTotalInCirculationAsync("USD")).Satoshis);
        var balances = await harness.Exchange.GetAllBalancesAsync();
        foreach (var ((userId, currency), balance) in balances)
        {
            Assert.True(balance.Total.Satoshis >= 0, $"{userId} {currency} total {balance.Total.Satoshis}");
            if (balance.Locked.Satoshis != 0)
            {
                var history = await harness.Exchange.Runtime.Actor.InvokeAsync(st => string.Join("\n", st.OrdersByUser.GetValueOrDefault(userId, []).Select(o =>
                    $"{o.ClOrdId} {o.OrderId} {o.Side} {o.OrderType} px={o.Price} q={o.OrderQty} cum={o.CumQty} leaves={o.LeavesQty} cxl={o.CxlQty} st={o.Status}")), CancellationToken.None);
                var open = string.Join("; ", (await harness.Exchange.GetOpenOrdersAsync(userId)).Select(o => o.ToString()));
                Assert.Fail($"{userId} {currency} locked {balance.Locked}; open: {open}\nHIST\n{history}");
            }
        }
        var book = await harness.Exchange.GetBookAsync("BTCUSD");
        Assert.Empty(book.Bids);
        Assert.Empty(book.Offers);

        // The ledger explains every balance: credits minus debits, and the newest row's running balance.
        var ledgerProblems = await harness.Exchange.Runtime.Actor.InvokeAsync(state =>
        {
            var problems = new List<string>();
            foreach (var (brokerId, userId) in state.Engine.Accounts.AccountIds)
            {
                foreach (var (currency, balance) in state.Engine.Accounts.GetBalances(brokerId, userId))
                {
                    var rows = state.Engine.Accounts.GetLedger(brokerId, userId, currency, 0, 1_000_000);
                    var sum = rows.Sum(r => r.Operation == BlinkTrade.Testing.Accounts.LedgerOperation.Credit ? r.Amount : -r.Amount);
                    if (sum != balance.Total || (rows.Count > 0 && rows[0].Balance != balance.Total))
                    {
                        problems.Add($"{userId} {currency}: total {balance.Total}, ledger sum {sum}");
                    }
                }
            }
            return problems;
        }, CancellationToken.None);
        Assert.Empty(ledgerProblems);

        // After the cancels the replica, still fed by incrementals alone, is empty like the book.
        updates += await ApplyIncrementalsAsync(watcher, replica, applied);
        Assert.True(updates > Sessions, $"only {updates} book updates");
        Assert.Empty(replica["0"]);
        Assert.Empty(replica["1"]);
    }

    // Flushes the watcher with a heartbeat, then applies the X frames kept from index `from` on (PROTOCOL.md §3.8).
    private static async Task<int> ApplyIncrementalsAsync(GatewayClient watcher, Dictionary<string, List<(long OrderId, long Size)>> replica, int from)
    {
        var flush = Guid.NewGuid().ToString("N");
        await watcher.SendAsync($$"""{"MsgType":"1","TestReqID":"{{flush}}"}""");
        await watcher.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "0" && f.GetProperty("TestReqID").GetString() == flush, TimeSpan.FromSeconds(30));
        var updates = 0;
        foreach (var x in watcher.Backlog.Skip(from).Where(f => f.GetProperty("MsgType").GetString() == "X"))
        {
            foreach (var entry in x.GetProperty("MDIncGrp").EnumerateArray())
            {
                var side = replica[entry.GetProperty("MDEntryType").GetString()!];
                var position = entry.GetProperty("MDEntryPositionNo").GetInt32();
                updates++;
                switch (entry.GetProperty("MDUpdateAction").GetString())
                {
                    case "0":
                        side.Insert(position - 1, (entry.GetProperty("OrderID").GetInt64(), entry.GetProperty("MDEntrySize").GetInt64()));
                        break;
                    case "1":
                        Assert.Equal(side[position - 1].OrderId, entry.GetProperty("OrderID").GetInt64());
                        side[position - 1] = (side[position - 1].OrderId, entry.GetProperty("MDEntrySize").GetInt64());
                        break;
                    case "2":
                        side.RemoveAt(position - 1);
                        break;
                    case "3":
                        side.RemoveRange(0, position);
                        break;
                }
            }
        }
        return updates;
    }
}
