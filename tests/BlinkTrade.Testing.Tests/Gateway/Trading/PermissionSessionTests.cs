using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Trading;

/// <summary>The PermissionList applied to live API-key sessions: every message, plus publication filtering.</summary>
public sealed class PermissionSessionTests
{
    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Filters_allow_buy_limits_only_and_the_session_survives_denials(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        var key = await harness.Exchange.CreateApiKeyAsync(harness.AliceId, """{"D":[["Side","eq","1","OrdType","eq","2"]],"8":[],"U2":[],"F":[]}""");
        await using var bot = await harness.ConnectAsync();
        Assert.Equal(1, (await bot.RequestAsync(Login(key.ApiKey, key.ApiPassword!), "BF")).GetProperty("UserStatus").GetInt32());

        await bot.SendAsync(Order("ok", "1", 500 * Btc, Btc));
        var accepted = await bot.WaitForAsync(Er("ok", "0"));
        Assert.Equal("0", accepted.GetProperty("OrdStatus").GetString());

        var sell = await bot.RequestAsync(Order("sell", "2", 900 * Btc, Btc), "8");
        Assert.Equal("Not authorized", sell.GetProperty("Description").GetString());
        Assert.Equal("sell", sell.GetProperty("ReqID").GetString());
        var market = await bot.RequestAsync(Order("mkt", "1", 0, Btc, type: "1"), "8");
        Assert.Equal("Not authorized", market.GetProperty("Description").GetString());
        var ledger = await bot.RequestAsync("""{"MsgType":"U34","LedgerListReqID":1}""", "U35");
        Assert.Equal("Not authorized", ledger.GetProperty("Description").GetString());

        var balance = await bot.RequestAsync("""{"MsgType":"U2","BalanceReqID":2}""", "U3");
        Assert.Equal("U3", balance.GetProperty("MsgType").GetString());
        // Public messages stay allowed.
        var list = await bot.RequestAsync("""{"MsgType":"x","SecurityReqID":3,"SecurityListRequestType":0}""", "y");
        Assert.Equal("y", list.GetProperty("MsgType").GetString());

        Assert.Single(await harness.Exchange.GetOpenOrdersAsync(harness.AliceId));
    }

    [Fact]
    public async Task Publications_reach_api_key_sessions_only_for_listed_types()
    {
        await using var harness = await StartFundedAsync();
        var withReports = await harness.Exchange.CreateApiKeyAsync(harness.AliceId, """{"8":[],"U2":[]}""");
        var withoutReports = await harness.Exchange.CreateApiKeyAsync(harness.AliceId, """{"U2":[]}""");
        await using var a = await harness.ConnectAsync();
        await a.RequestAsync(Login(withReports.ApiKey, withReports.ApiPassword!), "BF");
        await using var b = await harness.ConnectAsync();
        await b.RequestAsync(Login(withoutReports.ApiKey, withoutReports.ApiPassword!), "BF");
        await using var web = await harness.LoginAsync("alice");

        await web.SendAsync(Order("pub", "1", 500 * Btc, Btc));
        await web.WaitForAsync(Er("pub", "0"));
        await a.WaitForAsync(Er("pub", "0"));

        // b: a heartbeat round-trip proves its queue was drained; no 8 and no U3 (not listed) arrived.
        await b.RequestAsync("""{"MsgType":"1","TestReqID":"sync"}""", "0");
        Assert.DoesNotContain(b.Backlog, f => f.GetProperty("MsgType").GetString() is "8" or "U3");
        Assert.DoesNotContain(a.Backlog, f => f.GetProperty("MsgType").GetString() == "U3");
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_permitted_order_and_cancel_get_their_reply_even_when_8_publications_are_not_listed(TransportKind kind)
    {
        // PROTOCOL.md §4.1: publications are filtered by the list, direct responses to permitted requests are not.
        await using var harness = await StartFundedAsync(kind);
        var key = await harness.Exchange.CreateApiKeyAsync(harness.AliceId, """{"D":[],"F":[]}""");
        await using var bot = await harness.ConnectAsync();
        Assert.Equal(1, (await bot.RequestAsync(Login(key.ApiKey, key.ApiPassword!), "BF")).GetProperty("UserStatus").GetInt32());

        var accepted = await bot.RequestAsync(Order("own", "1", 500 * Btc, Btc), "8");
        Assert.Equal(("own", "0"), (accepted.GetProperty("ClOrdID").GetString(), accepted.GetProperty("ExecType").GetString()));

        // The fill that follows is a publication: not listed, not delivered.
        await using var web = await harness.LoginAsync("bob");
        await web.SendAsync(Order("take", "2", 500 * Btc, Btc / 2));
        await web.WaitForAsync(Er("take", "2"));
        await bot.RequestAsync("""{"MsgType":"1","TestReqID":"sync"}""", "0");
        Assert.DoesNotContain(bot.Backlog, f => f.GetProperty("MsgType").GetString() == "8" && f.GetProperty("ExecType").GetString() == "1");

        var cancelled = await bot.RequestAsync("""{"MsgType":"F","OrigClOrdID":"own","ClOrdID":"own"}""", "8");
        Assert.Equal(("own", "4"), (cancelled.GetProperty("ClOrdID").GetString(), cancelled.GetProperty("ExecType").GetString()));
    }
}
