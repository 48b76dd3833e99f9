using System.Text;
using BlinkTrade.Client.Protocol;
using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Trading;

/// <summary>Every frame the exchange sends parses into the SDK's typed record (the client's protocol layer agrees with the server).</summary>
public sealed class ClientProtocolInteropTests
{
    [Fact]
    public async Task Every_outbound_frame_parses_with_the_client_protocol_serializer()
    {
        await using var harness = await StartFundedAsync();
        await using var alice = await harness.LoginAsync("alice");
        await using var bob = await harness.LoginAsync("bob");
        string[] requests =
        [
            """{"MsgType":"1","TestReqID":1,"SendTime":1}""",
            """{"MsgType":"V","MDReqID":1,"SubscriptionRequestType":"1","MarketDepth":0,"MDUpdateType":"1","MDEntryTypes":["0","1","2"],"Instruments":["BTCUSD"]}""",
            """{"MsgType":"V","MDReqID":2,"SubscriptionRequestType":"0","MarketDepth":0,"MDEntryTypes":["0"],"Instruments":["NOPE"]}""",
            """{"MsgType":"e","SecurityStatusReqID":3,"SubscriptionRequestType":"1","Instruments":["BTCUSD"]}""",
            """{"MsgType":"x","SecurityReqID":4,"SecurityListRequestType":0}""",
            Order("p1", "2", 600 * Btc, Btc),
            """{"MsgType":"U2","BalanceReqID":5}""",
            """{"MsgType":"U4","OrdersReqID":6}""",
            """{"MsgType":"U34","LedgerListReqID":7}""",
            """{"MsgType":"U42","PositionReqID":8}""",
            """{"MsgType":"U32","TradeHistoryReqID":9}""",
            """{"MsgType":"U18","DepositReqID":10,"Currency":"BTC"}""",
            """{"MsgType":"U20","DepositMethodReqID":11}""",
            """{"MsgType":"U30","DepositListReqID":12}""",
            """{"MsgType":"U6","WithdrawReqID":13,"Currency":"BTC","Amount":1000000,"Method":"bitcoin","Data":{"Wallet":"x"}}""",
            """{"MsgType":"U26","WithdrawListReqID":14,"StatusList":["0"]}""",
            """{"MsgType":"U24","WithdrawReqID":15,"ConfirmationToken":"bad"}""",
            """{"MsgType":"U38","UpdateReqID":16,"Fields":{"EmailLang":"en"}}""",
            """{"MsgType":"U28","BrokerListReqID":17}""",
            """{"MsgType":"U52","APIKeyCreateReqID":18,"Label":"k","PermissionList":{"U2":[]}}""",
            """{"MsgType":"U50","APIKeyListReqID":19}""",
            """{"MsgType":"U16","EnableTwoFactorReqID":20,"Enable":true}""",
            """{"MsgType":"ZZ"}""",
        ];
        foreach (var request in requests)
        {
            await alice.SendAsync(request);
        }
        await bob.SendAsync(Order("p2", "1", 600 * Btc, Btc / 2));
        await bob.WaitForAsync(Er("p2", "2"));
        await alice.SendAsync("""{"MsgType":"BE","UserReqID":21,"UserReqTyp":"2","BrokerID":5,"Username":"alice"}""");
        await alice.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "BF" && f.GetProperty("UserStatus").GetInt32() == 2);

        var seen = new HashSet<string>();
        foreach (var frame in alice.Backlog.Concat(bob.Backlog))
        {
            var json = frame.GetRawText();
            var type = frame.GetProperty("MsgType").GetString()!;
            var ok = ProtocolSerializer.TryDeserialize(Encoding.UTF8.GetBytes(json), out var message, out var error);
            Assert.True(ok, $"{type}: {error?.Message}\n{json}");
            Assert.False(message is UnknownMessage, $"{type} parsed as UnknownMessage\n{json}");
            Assert.Equal(type, message!.MsgType);
            seen.Add(type);
        }
        foreach (var expected in new[] { "0", "W", "X", "Y", "f", "y", "8", "U3", "U5", "U35", "U43", "U33", "U19", "U23", "U21", "U31", "U7", "U9", "U27", "U25", "U39", "U40", "U29", "U53", "U51", "U17", "ERROR" })
        {
            Assert.Contains(expected, seen);
        }
    }
}
