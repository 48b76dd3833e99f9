using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Gateway.MarketData;
using BlinkTrade.Testing.Gateway.Wire;
using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Trading;

/// <summary>
/// One book update for many subscribers (issue 18, scale): the X body is encoded once and each subscriber's frame is
/// that body with its own MDReqID; beyond a handful of subscribers the frames go through each session's writer (off
/// the exchange actor). Every subscriber still gets its own id, a stalled one does not hold the others back, and the
/// requester's reply still precedes the publications its order causes.
/// </summary>
public sealed class FanOutTests
{
    // More than the hub sends on the actor's thread, so the queued path is the one under test.
    private const int Subscribers = 12;

    private static readonly string[] Ids = ["1", "2", "3", "4", "5", "6", "7", "8", "1", "\"s-a\"", "\"s-b\"", "1.0"];

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Every_subscriber_gets_the_same_X_with_its_own_MDReqID(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        var subscribers = await SubscribeAsync(harness, Subscribers);
        await using var alice = await harness.LoginAsync("alice");
        try
        {
            await alice.RequestAsync(Order("o1", "1", 500 * Btc, Btc), "8");
            var bodies = new HashSet<string>();
            for (var i = 0; i < subscribers.Length; i++)
            {
                var x = await subscribers[i].WaitForTypeAsync("X");
                Assert.Equal(Ids[i], x.GetProperty("MDReqID").GetRawText());
                var body = JsonNode.Parse(x.GetRawText())!.AsObject();
                body.Remove("MDReqID");
                bodies.Add(body.ToJsonString());
            }
            var only = Assert.Single(bodies);
            Assert.Contains("\"MDEntryPx\":50000000000", only, StringComparison.Ordinal);
        }
        finally
        {
            await DisposeAllAsync(subscribers);
        }
    }

    [Fact]
    public async Task A_stalled_subscriber_does_not_hold_back_the_others()
    {
        await using var harness = await StartFundedAsync();
        await using var stalled = await harness.ConnectAsync("10.0.0.77");
        await stalled.RequestAsync(Subscribe("99"), "W");
        var subscribers = await SubscribeAsync(harness, Subscribers);
        await using var alice = await harness.LoginAsync("alice");
        try
        {
            harness.Exchange.Faults.StallOutbound("10.0.0.77");
            await alice.RequestAsync(Order("o1", "1", 500 * Btc, Btc), "8");
            foreach (var subscriber in subscribers)
            {
                await subscriber.WaitForTypeAsync("X");
            }
            harness.Exchange.Faults.ResumeOutbound();
            var late = await stalled.WaitForTypeAsync("X");
            Assert.Equal("99", late.GetProperty("MDReqID").GetRawText());
        }
        finally
        {
            harness.Exchange.Faults.ResumeOutbound();
            await DisposeAllAsync(subscribers);
        }
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task The_order_reply_precedes_its_book_update_among_many_subscribers(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        var subscribers = await SubscribeAsync(harness, Subscribers);
        await using var alice = await harness.LoginAsync("alice");
        try
        {
            await alice.RequestAsync(Subscribe("42"), "W");
            for (var n = 0; n < 5; n++)
            {
                await alice.SendAsync(Order("o" + n, "1", (500 + n) * Btc, Btc));
                var types = new List<string>();
                while (!types.Contains("X"))
                {
                    var frame = await alice.ReceiveAsync() ?? throw new Xunit.Sdk.XunitException("closed");
                    var type = frame.GetProperty("MsgType").GetString()!;
                    types.Add(type == "8" && frame.GetProperty("ClOrdID").GetString() == "o" + n ? "reply" : type);
                }
                Assert.True(types.IndexOf("reply") is >= 0 and var at && at < types.IndexOf("X"), string.Join(" → ", types));
            }
        }
        finally
        {
            await DisposeAllAsync(subscribers);
        }
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Depth_limited_subscribers_among_many_get_the_frames_a_lone_one_gets(TransportKind kind)
    {
        // Alone, a depth-limited subscriber is sent to on the actor's thread; among many, from the thread pool. The frames
        // must be the same: its window's moves, with its own MDReqID.
        var lone = await WindowFramesAsync(kind, subscribers: 1);
        var many = await WindowFramesAsync(kind, subscribers: Subscribers);
        Assert.All(many, frames => Assert.Equal(lone[0], frames));
        Assert.Contains(lone[0], e => e.Contains("\"MDEntryPx\":50000000000", StringComparison.Ordinal)); // the new best bid, then its cancel

        static async Task<List<List<string>>> WindowFramesAsync(TransportKind kind, int subscribers)
        {
            await using var harness = await StartFundedAsync(kind);
            await using var maker = await harness.LoginAsync("alice");
            await maker.RequestAsync(Order("m1", "1", 490 * Btc, Btc), "8");
            await maker.RequestAsync(Order("m2", "1", 480 * Btc, Btc), "8");
            var clients = await SubscribeAsync(harness, subscribers, depth: 2);
            try
            {
                await maker.RequestAsync(Order("o1", "1", 500 * Btc, Btc), "8");
                await maker.RequestAsync("""{"MsgType":"F","OrigClOrdID":"o1","ClOrdID":"o1"}""", "8");
                var frames = new List<List<string>>();
                for (var i = 0; i < subscribers; i++)
                {
                    var seen = new List<string>();
                    for (var n = 0; n < 2; n++)
                    {
                        var x = await clients[i].WaitForTypeAsync("X");
                        Assert.Equal(Ids[i], x.GetProperty("MDReqID").GetRawText());
                        foreach (var entry in x.GetProperty("MDIncGrp").EnumerateArray())
                        {
                            var node = JsonNode.Parse(entry.GetRawText())!.AsObject();
                            node.Remove("MDEntryTime");
                            node.Remove("MDEntryDate");
                            seen.Add(node.ToJsonString());
                        }
                    }
                    frames.Add(seen);
                }
                return frames;
            }
            finally
            {
                await DisposeAllAsync(clients);
            }
        }
    }

    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task Every_subscriber_gets_a_burst_of_updates_in_the_order_they_happened(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        var subscribers = await SubscribeAsync(harness, Subscribers);
        await using var alice = await harness.LoginAsync("alice");
        try
        {
            // Sent back to back: consecutive fan-outs overlap on the thread pool, each session's frames must not.
            for (var n = 0; n < 10; n++)
            {
                await alice.SendAsync(Order("b" + n, "1", (500 + n) * Btc, Btc));
            }
            foreach (var subscriber in subscribers)
            {
                for (var n = 0; n < 10; n++)
                {
                    var x = await subscriber.WaitForTypeAsync("X");
                    var entry = x.GetProperty("MDIncGrp")[0];
                    Assert.Equal((500 + n) * Btc, entry.GetProperty("MDEntryPx").GetInt64());
                    Assert.Equal(1, entry.GetProperty("MDEntryPositionNo").GetInt32());
                }
            }
        }
        finally
        {
            await DisposeAllAsync(subscribers);
        }
    }

    [Fact]
    public void The_shared_body_with_an_id_spliced_in_is_the_frame_encoded_for_that_id()
    {
        var entries = new[]
        {
            new MarketDataEntry
            {
                MDUpdateAction = MarketDataUpdateAction.New, MDEntryType = MarketDataEntryType.Bid, MDEntryPositionNo = 1,
                MDEntryPx = Price.FromSatoshis(500 * Btc), MDEntrySize = Quantity.FromSatoshis(Btc), Broker = "broker \"MDReqID\":0 x",
            },
        };
        var shared = new SharedIdFrame(new MarketDataIncrementalRefresh { MDReqID = 0, MDBkTyp = MarketDataBookType.OrderDepth, MDIncGrp = entries }, "MDReqID");
        foreach (var raw in new[] { "7", "0", "-3", "9007199254740993", "\"abc\"", "\"\\u00e9\"", "1.5", "1e3" })
        {
            using var document = JsonDocument.Parse(raw);
            var id = new EchoedId(document.RootElement);
            var expected = id.Encode(new MarketDataIncrementalRefresh { MDReqID = id.Number ?? 0, MDBkTyp = MarketDataBookType.OrderDepth, MDIncGrp = entries }, "MDReqID");
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(shared.For(id).ToArray()));
        }
    }

    private static string Subscribe(string id, int depth = 0) =>
        $$"""{"MsgType":"V","MDReqID":{{id}},"SubscriptionRequestType":"1","MarketDepth":{{depth}},"MDUpdateType":"1","MDEntryTypes":["0","1"],"Instruments":["BTCUSD"]}""";

    private static async Task<GatewayClient[]> SubscribeAsync(ExchangeHarness harness, int count, int depth = 0)
    {
        var subscribers = new GatewayClient[count];
        for (var i = 0; i < count; i++)
        {
            subscribers[i] = await harness.ConnectAsync();
            await subscribers[i].RequestAsync(Subscribe(Ids[i], depth), "W");
        }
        return subscribers;
    }

    private static async Task DisposeAllAsync(GatewayClient[] clients)
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }
}
