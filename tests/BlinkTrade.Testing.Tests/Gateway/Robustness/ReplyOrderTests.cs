using System.Text.Json;
using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Robustness;

/// <summary>
/// PROTOCOL.md §5 G39: a request's reply precedes every unsolicited message the request causes (the exchange's own
/// JavaScript SDK resolves a request on the first frame echoing its id). Each case reads the frames in the order a
/// client receives them, over both transports.
/// </summary>
public sealed class ReplyOrderTests
{
    public static TheoryData<string, TransportKind> Cases()
    {
        var data = new TheoryData<string, TransportKind>();
        foreach (var kind in new[] { TransportKind.InMemory, TransportKind.WebSocket })
        {
            foreach (var name in new[] { "U18 crypto deposit", "U18 fiat deposit", "U18 cancel deposit", "U6 withdraw", "U24 confirm withdrawal", "U70 cancel withdrawal", "U38 profile", "D order", "F cancel", "F cancel all" })
            {
                data.Add(name, kind);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_reply_comes_before_the_refreshes_it_causes(string name, TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        await using var alice = await harness.LoginAsync("alice");
        switch (name)
        {
            case "U18 crypto deposit":
                await AssertReplyFirstAsync(alice, """{"MsgType":"U18","DepositReqID":11,"Currency":"BTC","BrokerID":5}""", "U19", "U23");
                break;
            case "U18 fiat deposit":
                var methods = await alice.RequestAsync("""{"MsgType":"U20","DepositMethodReqID":1}""", "U21");
                var method = methods.GetProperty("DepositMethodGrp").EnumerateArray().First().GetProperty("DepositMethodID").GetInt32();
                await AssertReplyFirstAsync(alice, $$"""{"MsgType":"U18","DepositReqID":12,"DepositMethodID":{{method}},"Value":50000000000}""", "U19", "U23");
                break;
            case "U18 cancel deposit":
                var created = await AssertReplyFirstAsync(alice, """{"MsgType":"U18","DepositReqID":13,"Currency":"BTC","BrokerID":5}""", "U19", "U23");
                var depositId = created.GetProperty("DepositID").GetString();
                await AssertReplyFirstAsync(alice, $$"""{"MsgType":"U18","DepositReqID":14,"DepositID":"{{depositId}}","Action":"CANCEL"}""", "U19", "U23");
                break;
            case "U6 withdraw":
                await AssertReplyFirstAsync(alice, Withdraw(21), "U7", "U9", "U3");
                break;
            case "U24 confirm withdrawal":
                var withdrawal = await AssertReplyFirstAsync(alice, Withdraw(22), "U7", "U9", "U3");
                var token = await harness.Exchange.GetWithdrawalConfirmationTokenAsync(withdrawal.GetProperty("WithdrawID").GetInt64());
                await AssertReplyFirstAsync(alice, $$"""{"MsgType":"U24","WithdrawReqID":23,"ConfirmationToken":"{{token}}"}""", "U25", "U9");
                break;
            case "U70 cancel withdrawal":
                var pending = await AssertReplyFirstAsync(alice, Withdraw(24), "U7", "U9", "U3");
                await AssertReplyFirstAsync(alice, $$"""{"MsgType":"U70","WithdrawCancelReqID":25,"WithdrawID":{{pending.GetProperty("WithdrawID").GetInt64()}}}""", "U71", "U9", "U3");
                break;
            case "U38 profile":
                await AssertReplyFirstAsync(alice, """{"MsgType":"U38","UpdateReqID":31,"Fields":{"EmailLang":"pt_BR"}}""", "U39", "U40");
                break;
            case "D order":
                await AssertReplyFirstAsync(alice, Order("o1", "1", 500 * Btc, 10_000_000), "8", "U3");
                break;
            case "F cancel":
                await AssertReplyFirstAsync(alice, Order("o2", "1", 500 * Btc, 10_000_000), "8", "U3");
                await AssertReplyFirstAsync(alice, """{"MsgType":"F","ClOrdID":"o2"}""", "8", "U3");
                break;
            case "F cancel all":
                await AssertReplyFirstAsync(alice, Order("o3", "2", 900 * Btc, 10_000_000), "8", "U3");
                await AssertReplyFirstAsync(alice, """{"MsgType":"F","Side":"2"}""", "8", "U3");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case");
        }

        // Nothing was left over: every refresh of every step was read above, in order.
        var hb = await alice.RequestAsync("""{"MsgType":"1","TestReqID":"end"}""", "0");
        Assert.Equal("0", hb.GetProperty("MsgType").GetString());
    }

    private static string Withdraw(int id) =>
        $$$"""{"MsgType":"U6","WithdrawReqID":{{{id}}},"Currency":"BTC","Amount":100000000,"Method":"bitcoin","Data":{"Wallet":"2Nabc"}}""";

    // Sends the request and reads frames in arrival order until the reply and one of each refresh type have come; the
    // reply must be first of them. Returns the reply.
    private static async Task<JsonElement> AssertReplyFirstAsync(GatewayClient client, string request, string replyType, params string[] refreshTypes)
    {
        var seen = new List<JsonElement>();
        await client.SendAsync(request);
        while (!(Types(seen).Contains(replyType) && refreshTypes.All(Types(seen).Contains)))
        {
            var frame = await client.ReceiveAsync() ?? throw new Xunit.Sdk.XunitException($"closed after {string.Join(", ", Types(seen))}");
            Assert.NotEqual("ERROR", Type(frame));
            seen.Add(frame);
        }
        var order = Types(seen);
        var replyAt = order.IndexOf(replyType);
        foreach (var refresh in refreshTypes)
        {
            Assert.True(replyAt < order.IndexOf(refresh), $"{request}: got {string.Join(" → ", order)}; {replyType} must come before {refresh}");
        }
        return seen[replyAt];
    }

    private static List<string> Types(List<JsonElement> frames) => [.. frames.Select(Type)];

    private static string Type(JsonElement frame) => frame.GetProperty("MsgType").GetString()!;
}
