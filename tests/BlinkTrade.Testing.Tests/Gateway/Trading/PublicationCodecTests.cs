using System.Text;
using System.Text.Json;
using BlinkTrade.Client.Protocol;
using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Trading;

/// <summary>
/// The exchange's publications (<c>8</c>, <c>U3</c>, <c>U9</c>, <c>U23</c>, <c>W</c>, <c>X</c>, <c>f</c>) are the
/// SDK's records written by the SDK's own serializer: each frame parses into its record, and that record serializes
/// back to exactly the frame's bytes (one codec on both sides, no field the record loses).
/// </summary>
public sealed class PublicationCodecTests
{
    private static readonly string[] Publications = ["8", "U3", "U9", "U23", "W", "X", "f"];

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Every_publication_is_its_record_as_the_client_serializer_writes_it(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        await using var alice = await harness.LoginAsync("alice");
        await using var bob = await harness.LoginAsync("bob");
        // Frames a wait returns leave the backlog: keep them too.
        List<JsonElement> frames =
        [
            await alice.RequestAsync(Order("rest", "2", 600 * Btc, Btc), "8"),
            await alice.RequestAsync("""{"MsgType":"V","MDReqID":1,"SubscriptionRequestType":"1","MarketDepth":0,"MDUpdateType":"1","MDEntryTypes":["0","1","2"],"Instruments":["BTCUSD"]}""", "W"),
            await alice.RequestAsync("""{"MsgType":"e","SecurityStatusReqID":3,"SubscriptionRequestType":"1","Instruments":["BTCUSD"]}""", "f"),
        ];
        // A partial fill: reports to both, balance deltas, book and trade X, f; then a cancel and a reject.
        await bob.SendAsync(Order("take", "1", 600 * Btc, Btc / 2));
        frames.Add(await alice.WaitForAsync(Er("rest", "1")));
        frames.Add(await alice.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "X" && f.GetProperty("MDIncGrp")[0].GetProperty("MDEntryType").GetString() == "2"));
        frames.Add(await alice.RequestAsync("""{"MsgType":"F","OrigClOrdID":"rest"}""", "8"));
        await alice.SendAsync(Order("big", "1", 600 * Btc, 1_000_000 * Btc));
        frames.Add(await alice.WaitForAsync(Er("big", "8")));
        // A deposit (U23) and a withdrawal (U9), whose Data objects are written as they are.
        await alice.RequestAsync("""{"MsgType":"U18","DepositReqID":10,"Currency":"BTC"}""", "U19");
        frames.Add(await alice.WaitForTypeAsync("U23"));
        await alice.RequestAsync("""{"MsgType":"U6","WithdrawReqID":13,"Currency":"BTC","Amount":1000000,"Method":"bitcoin","Data":{"Wallet":"2Nabc","Memo":"caf\u00e9"}}""", "U7");
        frames.Add(await alice.WaitForTypeAsync("U9"));
        await alice.RequestAsync("""{"MsgType":"1","TestReqID":"end"}""", "0");
        await bob.RequestAsync("""{"MsgType":"1","TestReqID":"end"}""", "0");

        var seen = new HashSet<string>();
        foreach (var frame in frames.Concat(alice.Backlog).Concat(bob.Backlog))
        {
            var type = frame.GetProperty("MsgType").GetString()!;
            if (!Publications.Contains(type))
            {
                continue;
            }
            var bytes = Encoding.UTF8.GetBytes(frame.GetRawText());
            Assert.True(ProtocolSerializer.TryDeserialize(bytes, out var message, out var error), $"{type}: {error?.Message}");
            Assert.Equal(type, message!.MsgType);
            Assert.Equal(frame.GetRawText(), ProtocolSerializer.SerializeToString(message));
            seen.Add(type);
        }
        Assert.Equal(Publications.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_execution_report_carries_its_transact_time_and_a_string_subscription_id_is_echoed_as_sent()
    {
        await using var harness = await StartFundedAsync();
        await using var alice = await harness.LoginAsync("alice");
        var w = await alice.RequestAsync("""{"MsgType":"V","MDReqID":"md\u002d1","SubscriptionRequestType":"1","MarketDepth":0,"MDUpdateType":"1","MDEntryTypes":["0","1"],"Instruments":["BTCUSD"]}""", "W");
        var f = await alice.RequestAsync("""{"MsgType":"e","SecurityStatusReqID":"s-1","SubscriptionRequestType":"1","Instruments":["BTCUSD"]}""", "f");
        Assert.Equal("md-1", w.GetProperty("MDReqID").GetString());
        Assert.Equal("s-1", f.GetProperty("SecurityStatusReqID").GetString());

        var report = await alice.RequestAsync(Order("t", "1", 500 * Btc, Btc), "8");
        var transactTime = report.GetProperty("TransactTime").GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", transactTime);
        var x = await alice.WaitForTypeAsync("X");
        Assert.Equal("md-1", x.GetProperty("MDReqID").GetString());
        Assert.Single(x.EnumerateObject(), p => p.Name == "MDReqID");
        var record = ProtocolSerializer.Deserialize<ExecutionReport>(Encoding.UTF8.GetBytes(report.GetRawText()));
        Assert.Equal(transactTime, record.ExtensionData!["TransactTime"].GetString());
    }
}
