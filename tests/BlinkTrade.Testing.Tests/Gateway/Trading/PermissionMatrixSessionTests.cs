using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Trading;

/// <summary>
/// The permission matrix over live API-key sessions: for every authenticated message type, a key without that type is
/// refused with ERROR "Not authorized" (the session stays), a key granting it (empty filter list) is served, and
/// public types are served either way.
/// </summary>
public sealed class PermissionMatrixSessionTests
{
    public static TheoryData<string, string, bool> Requests() => new()
    {
        // type, request, public
        { "U2", """{"MsgType":"U2","BalanceReqID":1}""", false },
        { "U4", """{"MsgType":"U4","OrdersReqID":1}""", false },
        { "U34", """{"MsgType":"U34","LedgerListReqID":1}""", false },
        { "U42", """{"MsgType":"U42","PositionReqID":1}""", false },
        { "U18", """{"MsgType":"U18","DepositReqID":1,"Currency":"BTC"}""", false },
        { "U20", """{"MsgType":"U20","DepositMethodReqID":1}""", true },
        { "U48", """{"MsgType":"U48","DepositMethodReqID":1,"DepositMethodID":501}""", true },
        { "U30", """{"MsgType":"U30","DepositListReqID":1}""", false },
        { "U6", """{"MsgType":"U6","WithdrawReqID":1,"Currency":"BTC","Amount":100000,"Method":"bitcoin"}""", false },
        { "U26", """{"MsgType":"U26","WithdrawListReqID":1}""", false },
        { "U24", """{"MsgType":"U24","WithdrawReqID":1,"ConfirmationToken":"x"}""", false },
        { "U70", """{"MsgType":"U70","WithdrawCancelReqID":1,"WithdrawID":999}""", false },
        { "U78", """{"MsgType":"U78","WithdrawReqID":1,"WithdrawID":999,"Message":"hi"}""", false },
        { "U38", """{"MsgType":"U38","UpdateReqID":1,"Fields":{"EmailLang":"en"}}""", false },
        { "U28", """{"MsgType":"U28","BrokerListReqID":1}""", true },
        { "U36", """{"MsgType":"U36","TradersRankReqID":1}""", false },
        { "U50", """{"MsgType":"U50","APIKeyListReqID":1}""", false },
        { "U16", """{"MsgType":"U16","EnableTwoFactorReqID":1,"Enable":false}""", false },
        { "D", """{"MsgType":"D","ClOrdID":"m1","Symbol":"BTCUSD","Side":"1","OrdType":"2","Price":10000000000,"OrderQty":100000}""", false },
        { "F", """{"MsgType":"F","Side":"1"}""", false },
        { "BE", """{"MsgType":"BE","UserReqID":1,"UserReqTyp":"3","Password":"nope12345","NewPassword":"x12345678"}""", false },
        { "V", """{"MsgType":"V","MDReqID":1,"SubscriptionRequestType":"0","MarketDepth":0,"MDEntryTypes":["0"],"Instruments":["BTCUSD"]}""", true },
        { "x", """{"MsgType":"x","SecurityReqID":1,"SecurityListRequestType":0}""", true },
        { "e", """{"MsgType":"e","SecurityStatusReqID":1,"SubscriptionRequestType":"0","Instruments":["BTCUSD"]}""", true },
        { "U32", """{"MsgType":"U32","TradeHistoryReqID":1}""", true },
        { "1", """{"MsgType":"1","TestReqID":1}""", true },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Each_type_needs_its_grant(string msgType, string request, bool isPublic)
    {
        await using var harness = await StartFundedAsync(configure: o => o with { IdleTimeout = TimeSpan.Zero });
        var none = await harness.Exchange.CreateApiKeyAsync(harness.AliceId, """{"U0x":[]}""");
        var granted = await harness.Exchange.CreateApiKeyAsync(harness.AliceId, $$"""{"{{msgType}}":[]}""");

        Assert.Equal(!isPublic, await IsRefusedAsync(harness, none, request));
        Assert.False(await IsRefusedAsync(harness, granted, request));
    }

    // Sends the request then a heartbeat; the session answers in order, so everything about the request has arrived
    // when the heartbeat does (a granted D or F may answer nothing: its 8 is a publication the key did not list).
    private static async Task<bool> IsRefusedAsync(ExchangeHarness harness, SeedApiKey key, string request)
    {
        await using var client = await harness.ConnectAsync();
        Assert.Equal(1, (await client.RequestAsync(Login(key.ApiKey, key.ApiPassword!), "BF")).GetProperty("UserStatus").GetInt32());
        await client.SendAsync(request);
        await client.SendAsync("""{"MsgType":"1","TestReqID":"after"}""");
        await client.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "0" && f.GetProperty("TestReqID").ValueKind == System.Text.Json.JsonValueKind.String);
        return client.Backlog.Any(f => f.GetProperty("MsgType").GetString() == "ERROR" && f.GetProperty("Description").GetString() == "Not authorized");
    }
}
