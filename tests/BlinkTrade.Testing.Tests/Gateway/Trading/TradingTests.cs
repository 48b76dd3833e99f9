using System.Text.Json;

namespace BlinkTrade.Testing.Tests.Gateway.Trading;

public sealed class TradingTests
{
    private const long Btc = 100_000_000;

    private static async Task<ExchangeHarness> StartFundedAsync(TransportKind kind)
    {
        var harness = await ExchangeHarness.StartAsync(kind);
        await harness.Exchange.CreditAsync(harness.AliceId, "BTC", new(10 * Btc));
        await harness.Exchange.CreditAsync(harness.AliceId, "USD", new(100_000 * Btc));
        await harness.Exchange.CreditAsync(harness.BobId, "BTC", new(10 * Btc));
        await harness.Exchange.CreditAsync(harness.BobId, "USD", new(100_000 * Btc));
        return harness;
    }

    private static string Order(string clOrdId, string side, long price, long qty, string type = "2") =>
        $$"""{"MsgType":"D","ClOrdID":"{{clOrdId}}","Symbol":"BTCUSD","Side":"{{side}}","OrdType":"{{type}}","Price":{{price}},"OrderQty":{{qty}},"BrokerID":5}""";

    private static Func<JsonElement, bool> Er(string clOrdId, string execType) => f =>
        f.GetProperty("MsgType").GetString() == "8" && f.GetProperty("ClOrdID").GetString() == clOrdId && f.GetProperty("ExecType").GetString() == execType;

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Balance_reports_total_and_locked_per_currency(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        await using var alice = await harness.LoginAsync("alice");

        var u3 = await alice.RequestAsync("""{"MsgType":"U2","BalanceReqID":7}""", "U3");

        Assert.Equal(7, u3.GetProperty("BalanceReqID").GetInt32());
        Assert.Equal(harness.AliceId, u3.GetProperty("ClientID").GetInt32());
        var balances = u3.GetProperty("5");
        Assert.Equal(10 * Btc, balances.GetProperty("BTC").GetInt64());
        Assert.Equal(0, balances.GetProperty("BTC_locked").GetInt64());
        Assert.Equal(100_000 * Btc, balances.GetProperty("USD").GetInt64());
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Orders_match_with_reports_balance_deltas_and_market_data(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        await using var alice = await harness.LoginAsync("alice");
        await using var bob = await harness.LoginAsync("bob");
        await using var watcher = await harness.ConnectAsync();

        var w = await watcher.RequestAsync("""{"MsgType":"V","MDReqID":3,"SubscriptionRequestType":"1","MarketDepth":0,"MDUpdateType":"1","MDEntryTypes":["0","1","2"],"Instruments":["BTCUSD"]}""", "W");
        Assert.Equal("BTCUSD", w.GetProperty("Symbol").GetString());
        Assert.Equal(JsonValueKind.Array, w.GetProperty("MDFullGrp").ValueKind);
        var ticker = await watcher.RequestAsync("""{"MsgType":"e","SecurityStatusReqID":4,"SubscriptionRequestType":"1","Instruments":["BLINK:BTCUSD"]}""", "f");
        Assert.Equal(0, ticker.GetProperty("BestAsk").GetInt64());

        // Alice offers 1 BTC at 620.00.
        await alice.SendAsync(Order("a1", "2", 620 * Btc, Btc));
        var aliceNew = await alice.WaitForAsync(Er("a1", "0"));
        Assert.Equal("0", aliceNew.GetProperty("OrdStatus").GetString());
        Assert.Equal(Btc, aliceNew.GetProperty("LeavesQty").GetInt64());
        var locked = await alice.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "U3" && f.GetProperty("5").TryGetProperty("BTC_locked", out var l) && l.GetInt64() == Btc);
        Assert.False(locked.TryGetProperty("BalanceReqID", out _));

        var xNew = await watcher.WaitForTypeAsync("X");
        var entry = xNew.GetProperty("MDIncGrp")[0];
        Assert.Equal("0", entry.GetProperty("MDUpdateAction").GetString());
        Assert.Equal("1", entry.GetProperty("MDEntryType").GetString());
        Assert.Equal(1, entry.GetProperty("MDEntryPositionNo").GetInt32());
        Assert.Equal(620 * Btc, entry.GetProperty("MDEntryPx").GetInt64());
        Assert.Equal(3, xNew.GetProperty("MDReqID").GetInt32());
        var tickerAfterOffer = await watcher.WaitForTypeAsync("f");
        Assert.Equal(620 * Btc, tickerAfterOffer.GetProperty("BestAsk").GetInt64());

        // Bob lifts 0.4 BTC.
        await bob.SendAsync(Order("b1", "1", 620 * Btc, 40_000_000));
        var bobFill = await bob.WaitForAsync(Er("b1", "2"));
        Assert.Equal(40_000_000, bobFill.GetProperty("LastShares").GetInt64());
        Assert.Equal(620 * Btc, bobFill.GetProperty("LastPx").GetInt64());
        Assert.Equal("1", bobFill.GetProperty("ExecSide").GetString());
        var alicePartial = await alice.WaitForAsync(Er("a1", "1"));
        Assert.Equal(60_000_000, alicePartial.GetProperty("LeavesQty").GetInt64());
        Assert.Equal("1", alicePartial.GetProperty("ExecSide").GetString()); // aggressor's side: Alice was maker
        await bob.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "U3" && f.GetProperty("5").TryGetProperty("BTC", out _));

        var change = await watcher.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "X" && f.GetProperty("MDIncGrp")[0].GetProperty("MDEntryType").GetString() == "1");
        var update = change.GetProperty("MDIncGrp")[0];
        Assert.Equal("1", update.GetProperty("MDUpdateAction").GetString());
        Assert.Equal(60_000_000, update.GetProperty("MDEntrySize").GetInt64());
        var trade = (await watcher.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "X" && f.GetProperty("MDIncGrp")[0].GetProperty("MDEntryType").GetString() == "2")).GetProperty("MDIncGrp")[0];
        Assert.Equal(40_000_000, trade.GetProperty("MDEntrySize").GetInt64());
        Assert.Equal(harness.BobId, trade.GetProperty("MDEntryBuyerID").GetInt32());
        Assert.Equal(harness.AliceId, trade.GetProperty("MDEntrySellerID").GetInt32());
        var tickerAfterTrade = await watcher.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "f" && f.GetProperty("LastPx").GetInt64() > 0);
        Assert.Equal(40_000_000, tickerAfterTrade.GetProperty("SellVolume").GetInt64());
        Assert.Equal(248 * Btc, tickerAfterTrade.GetProperty("BuyVolume").GetInt64());

        // A late subscriber's snapshot shows the remaining offer and the trade.
        await using var late = await harness.ConnectAsync();
        var snapshot = await late.RequestAsync("""{"MsgType":"V","MDReqID":"late","SubscriptionRequestType":"0","MarketDepth":0,"MDEntryTypes":["0","1","2"],"Instruments":["BTCUSD"]}""", "W");
        var group = snapshot.GetProperty("MDFullGrp").EnumerateArray().ToList();
        Assert.Contains(group, e => e.GetProperty("MDEntryType").GetString() == "1" && e.GetProperty("MDEntrySize").GetInt64() == 60_000_000);
        Assert.Contains(group, e => e.GetProperty("MDEntryType").GetString() == "2");
        Assert.Equal("late", snapshot.GetProperty("MDReqID").GetString());

        var trades = await late.RequestAsync("""{"MsgType":"U32","TradeHistoryReqID":1}""", "U33");
        Assert.Single(trades.GetProperty("TradeHistoryGrp").EnumerateArray());
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Cancel_by_ClOrdID_OrderID_and_side_and_unknown_orders_get_ERROR(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        await using var alice = await harness.LoginAsync("alice");
        await alice.SendAsync(Order("c1", "1", 500 * Btc, Btc));
        var c1 = await alice.WaitForAsync(Er("c1", "0"));
        await alice.SendAsync(Order("c2", "1", 501 * Btc, Btc));
        var c2 = await alice.WaitForAsync(Er("c2", "0"));
        await alice.SendAsync(Order("c3", "2", 900 * Btc, Btc));
        await alice.WaitForAsync(Er("c3", "0"));

        await alice.SendAsync("""{"MsgType":"F","OrigClOrdID":"c1","ClOrdID":"c1"}""");
        var cancelled = await alice.WaitForAsync(Er("c1", "4"));
        Assert.Equal(Btc, cancelled.GetProperty("CxlQty").GetInt64());
        Assert.Equal(0, cancelled.GetProperty("LeavesQty").GetInt64());

        await alice.SendAsync($$"""{"MsgType":"F","OrderID":{{c2.GetProperty("OrderID").GetInt64()}}}""");
        await alice.WaitForAsync(Er("c2", "4"));

        var unknown = await alice.RequestAsync("""{"MsgType":"F","ClOrdID":"nope"}""", "8");
        Assert.Equal("ERROR", unknown.GetProperty("MsgType").GetString());
        Assert.Equal("nope", unknown.GetProperty("ReqID").GetString());
        Assert.Equal("Order not found", unknown.GetProperty("Detail").GetString());

        // G15: a cancel of an order that is no longer open is answered at once, naming the order as the request did.
        var again = await alice.RequestAsync("""{"MsgType":"F","OrigClOrdID":"c1"}""", "8");
        Assert.Equal("ERROR", again.GetProperty("MsgType").GetString());
        Assert.Equal("c1", again.GetProperty("ReqID").GetString());
        Assert.Equal("Order not open: already cancelled", again.GetProperty("Detail").GetString());
        var c2Id = c2.GetProperty("OrderID").GetInt64();
        var byId = await alice.RequestAsync($$"""{"MsgType":"F","OrderID":{{c2Id}}}""", "8");
        Assert.Equal("Invalid Parameter", byId.GetProperty("Description").GetString());
        Assert.Equal(c2Id, byId.GetProperty("ReqID").GetInt64());
        Assert.Equal("Order not open: already cancelled", byId.GetProperty("Detail").GetString());

        var noSide = await alice.RequestAsync("""{"MsgType":"F"}""", "8");
        Assert.Equal("Missing tag Side", noSide.GetProperty("Detail").GetString());

        await alice.SendAsync("""{"MsgType":"F","Side":"2"}""");
        await alice.WaitForAsync(Er("c3", "4"));
        Assert.Empty(await harness.Exchange.GetOpenOrdersAsync(harness.AliceId));
        var balance = await harness.Exchange.GetBalanceAsync(harness.AliceId, "USD");
        Assert.Equal(0, balance.Locked.Satoshis);
        _ = c1;
    }

    [Fact]
    public async Task Orders_are_rejected_for_funds_and_min_quantity_and_bad_fields_get_ERROR()
    {
        await using var harness = await StartFundedAsync(TransportKind.InMemory);
        await using var alice = await harness.LoginAsync("alice");

        await alice.SendAsync(Order("big", "1", 620 * Btc, 1000 * Btc));
        var rejected = await alice.WaitForAsync(Er("big", "8"));
        Assert.Equal("8", rejected.GetProperty("OrdStatus").GetString());
        Assert.Equal("3", rejected.GetProperty("OrdRejReason").GetString());

        await alice.SendAsync(Order("tiny", "1", 620 * Btc, 1));
        var tiny = await alice.WaitForAsync(Er("tiny", "8"));
        Assert.Equal("3", tiny.GetProperty("OrdRejReason").GetString());

        var badSide = await alice.RequestAsync("""{"MsgType":"D","ClOrdID":"x","Symbol":"BTCUSD","Side":"7","OrdType":"2","Price":1,"OrderQty":100000}""", "8");
        Assert.Equal("Invalid value tag(Side)=7", badSide.GetProperty("Detail").GetString());
        Assert.Equal("x", badSide.GetProperty("ReqID").GetString());

        var numericClOrdId = await alice.RequestAsync("""{"MsgType":"D","ClOrdID":5,"Symbol":"BTCUSD","Side":"1","OrdType":"2","Price":1,"OrderQty":100000}""", "8");
        Assert.StartsWith("Invalid value tag(ClOrdID)", numericClOrdId.GetProperty("Detail").GetString());

        await alice.SendAsync("""{"MsgType":"D","ClOrdID":"sym","Symbol":"XXXYYY","Side":"1","OrdType":"2","Price":100000000,"OrderQty":100000}""");
        var unknownSymbol = await alice.WaitForAsync(Er("sym", "8"));
        Assert.Equal("1", unknownSymbol.GetProperty("OrdRejReason").GetString());
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Order_list_filters_and_pages_and_ledger_lists_trades(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        await using var alice = await harness.LoginAsync("alice");
        await using var bob = await harness.LoginAsync("bob");
        for (var i = 0; i < 5; i++)
        {
            await alice.SendAsync(Order("o" + i, "2", (700 + i) * Btc, Btc));
            await alice.WaitForAsync(Er("o" + i, "0"));
        }
        await alice.SendAsync("""{"MsgType":"F","ClOrdID":"o4"}""");
        await alice.WaitForAsync(Er("o4", "4"));
        await bob.SendAsync(Order("b", "1", 700 * Btc, Btc));
        await alice.WaitForAsync(Er("o0", "2"));

        var open = await alice.RequestAsync("""{"MsgType":"U4","OrdersReqID":1,"Page":0,"PageSize":20,"Filter":["has_leaves_qty eq 1"]}""", "U5");
        Assert.Equal("o3,o2,o1", string.Join(",", open.GetProperty("OrdListGrp").EnumerateArray().Select(r => r[0].GetString())));
        Assert.Equal("ClOrdID", open.GetProperty("Columns")[0].GetString());

        var filled = await alice.RequestAsync("""{"MsgType":"U4","OrdersReqID":2,"Filter":["has_cum_qty eq 1"]}""", "U5");
        Assert.Equal("o0", filled.GetProperty("OrdListGrp")[0][0].GetString());
        var cancelled = await alice.RequestAsync("""{"MsgType":"U4","OrdersReqID":3,"Filter":["has_cxl_qty eq 1"]}""", "U5");
        Assert.Equal("o4", cancelled.GetProperty("OrdListGrp")[0][0].GetString());

        var page1 = await alice.RequestAsync("""{"MsgType":"U4","OrdersReqID":4,"Page":1,"PageSize":2}""", "U5");
        Assert.Equal("o2,o1", string.Join(",", page1.GetProperty("OrdListGrp").EnumerateArray().Select(r => r[0].GetString())));

        var ledger = await alice.RequestAsync("""{"MsgType":"U34","LedgerListReqID":5,"Currency":"USD"}""", "U35");
        var rows = ledger.GetProperty("LedgerListGrp").EnumerateArray().ToList();
        Assert.Contains(rows, r => r[11].GetString() == "T" && r[2].GetString() == "C" && r[7].GetInt64() == 700 * Btc);
        Assert.Contains(rows, r => r[11].GetString() == "TF");

        var positions = await alice.RequestAsync("""{"MsgType":"U42","PositionReqID":6}""", "U43");
        Assert.Equal(6, positions.GetProperty("PositionReqID").GetInt32());
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task No_user_can_touch_another_users_orders_or_balances(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        await using var alice = await harness.LoginAsync("alice");
        await using var bob = await harness.LoginAsync("bob");
        await alice.SendAsync(Order("mine", "1", 500 * Btc, Btc));
        var er = await alice.WaitForAsync(Er("mine", "0"));

        var balance = await bob.RequestAsync($$"""{"MsgType":"U2","BalanceReqID":1,"ClientID":{{harness.AliceId}}}""", "U3");
        Assert.Equal("ERROR", balance.GetProperty("MsgType").GetString());
        var list = await bob.RequestAsync("""{"MsgType":"U4","OrdersReqID":2,"ClientID":"alice"}""", "U5");
        Assert.Equal("ERROR", list.GetProperty("MsgType").GetString());
        var cancel = await bob.RequestAsync($$"""{"MsgType":"F","ClOrdID":"c","OrderID":{{er.GetProperty("OrderID").GetInt64()}}}""", "8");
        Assert.Equal("ERROR", cancel.GetProperty("MsgType").GetString());
        var onBehalf = await bob.RequestAsync($$"""{"MsgType":"D","ClOrdID":"evil","Symbol":"BTCUSD","Side":"1","OrdType":"2","Price":100000000,"OrderQty":100000,"ClientID":{{harness.AliceId}}}""", "8");
        Assert.Equal("ERROR", onBehalf.GetProperty("MsgType").GetString());
        Assert.Single(await harness.Exchange.GetOpenOrdersAsync(harness.AliceId));

        var ownList = await bob.RequestAsync("""{"MsgType":"U4","OrdersReqID":3}""", "U5");
        Assert.Empty(ownList.GetProperty("OrdListGrp").EnumerateArray());
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Unknown_symbols_get_Y_and_unsubscribe_stops_updates_and_security_list_lists_instruments(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        await using var watcher = await harness.ConnectAsync();

        var y = await watcher.RequestAsync("""{"MsgType":"V","MDReqID":9,"SubscriptionRequestType":"1","MarketDepth":0,"MDEntryTypes":["0","1"],"Instruments":["DOGEUSD"]}""", "Y");
        Assert.Equal("Y", y.GetProperty("MsgType").GetString());
        Assert.Equal(9, y.GetProperty("MDReqID").GetInt32());
        Assert.Equal("0", y.GetProperty("MDReqRejReason").GetString());

        var list = await watcher.RequestAsync("""{"MsgType":"x","SecurityReqID":1,"SecurityListRequestType":0,"Market":"BLINK"}""", "y");
        Assert.Equal("BTCUSD", list.GetProperty("Instruments")[0].GetProperty("Symbol").GetString());
        Assert.Contains(list.GetProperty("Currencies").EnumerateArray(), c => c.GetProperty("Code").GetString() == "BTC" && c.GetProperty("IsCrypto").GetBoolean());

        await watcher.RequestAsync("""{"MsgType":"V","MDReqID":10,"SubscriptionRequestType":"1","MarketDepth":0,"MDEntryTypes":["0","1"],"Instruments":["BTCUSD"]}""", "W");
        await watcher.SendAsync("""{"MsgType":"V","MDReqID":10,"SubscriptionRequestType":"2"}""");

        // No reply acknowledges an unsubscribe. A session handles its frames one after the other, so this heartbeat's
        // reply means the unsubscribe has been applied: without it, alice's order (another session) could reach the
        // exchange first on a loaded machine, and its X would be a race, not a bug.
        await watcher.RequestAsync("""{"MsgType":"1","TestReqID":"unsubscribed"}""", "0");
        await using var alice = await harness.LoginAsync("alice");
        await alice.SendAsync(Order("q", "1", 500 * Btc, Btc));
        await alice.WaitForAsync(Er("q", "0"));
        var hb = await watcher.RequestAsync("""{"MsgType":"1","TestReqID":"after"}""", "0");
        Assert.Equal("0", hb.GetProperty("MsgType").GetString());
        Assert.DoesNotContain(watcher.Backlog, f => f.GetProperty("MsgType").GetString() == "X");
    }

    [Fact]
    public async Task Cancel_on_disconnect_cancels_the_sessions_orders()
    {
        await using var harness = await StartFundedAsync(TransportKind.InMemory);
        var alice = await harness.ConnectAsync();
        await alice.RequestAsync("""{"MsgType":"BE","UserReqID":1,"BrokerID":5,"Username":"alice","Password":"abc12345","UserReqTyp":"1","CancelOnDisconnect":"1"}""", "BF");
        await alice.SendAsync(Order("cod", "1", 500 * Btc, Btc));
        await alice.WaitForAsync(Er("cod", "0"));

        await alice.Connection.CloseAsync(null, CancellationToken.None);
        await alice.DisposeAsync();

        for (var i = 0; i < 100 && (await harness.Exchange.GetOpenOrdersAsync(harness.AliceId)).Count > 0; i++)
        {
            await Task.Delay(20);
        }
        Assert.Empty(await harness.Exchange.GetOpenOrdersAsync(harness.AliceId));
    }
}
