using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.MarketData;

/// <summary>
/// Issue 18 (task 18r): a subscriber's book updates wait in its session's queue as the shared body plus its own id, and
/// are spliced only when sent. Held back (a stalled client), they still count their real size against the session's
/// byte bound, come out byte for byte as the encoder writes them for its id, in order — and a slow consumer cut at its
/// frame bound leaves nothing queued behind.
/// </summary>
/// <remarks>In-memory only: the stall is per client IP, and every loopback WebSocket client has the same one (the
/// unstalled fan-out over both transports is in <c>FanOutTests</c>).</remarks>
public sealed class SharedFrameQueueTests
{
    private const string StalledIp = "10.0.0.77";
    // Longer than the witnesses' ids, so a frame counted at the body's size (id 0) or a witness's would not add up.
    private const string StalledId = "\"a-stalled-subscribers-own-id\"";
    // More than the hub sends on the actor's thread, so the queued (thread-pool) path is the one under test.
    private const int Witnesses = 12;
    private static readonly long[] Prices = [500, 5_000, 50, 1_000, 7];

    [Fact]
    public async Task Held_frames_count_their_spliced_size_and_arrive_byte_for_byte_in_order()
    {
        await using var harness = await StartFundedAsync();
        await using var stalled = await harness.ConnectAsync(StalledIp);
        await stalled.RequestAsync(Subscribe(StalledId), "W");
        var witnesses = await SubscribeAsync(harness, Witnesses);
        await using var alice = await harness.LoginAsync("alice");
        try
        {
            harness.Exchange.Faults.StallOutbound(StalledIp);
            var expected = new List<string>();
            for (var n = 0; n < Prices.Length; n++)
            {
                await alice.RequestAsync(Order("o" + n, "1", Prices[n] * Btc, Btc / 100), "8");
                string? body = null; // witness 1's frame: each witness's is the same with its own id
                for (var i = 0; i < witnesses.Length; i++)
                {
                    var asFirst = WithId((await witnesses[i].WaitForTypeAsync("X")).GetRawText(), i + 1, "1");
                    body ??= asFirst;
                    Assert.Equal(body, asFirst);
                }
                expected.Add(WithId(body!, 1, StalledId));
            }

            // The stalled session counts all of its frames, or all but the first when its writer has already taken that
            // one (it waits in the stall, out of the queue).
            var session = harness.Exchange.Runtime.Registry.All.Single(s => s.RemoteIp == StalledIp);
            var sizes = expected.Select(Encoding.UTF8.GetByteCount).ToArray();
            var queued = session.QueuedBytes;
            Assert.True(queued == sizes.Sum() || queued == sizes.Sum() - sizes[0], $"{queued} bytes queued; frames of {string.Join(", ", sizes)}");

            harness.Exchange.Faults.ResumeOutbound();
            foreach (var frame in expected)
            {
                Assert.Equal(frame, (await stalled.WaitForTypeAsync("X")).GetRawText());
            }
            Assert.Equal(0, session.QueuedBytes);
        }
        finally
        {
            harness.Exchange.Faults.ResumeOutbound();
            await DisposeAllAsync(witnesses);
        }
    }

    [Fact]
    public async Task A_stalled_subscriber_cut_at_its_frame_bound_leaves_nothing_queued()
    {
        var logs = new CollectingLoggerFactory();
        await using var harness = await StartFundedAsync(configure: o => o with { SessionQueueCapacity = 3, LoggerFactory = logs });
        await using var stalled = await harness.ConnectAsync(StalledIp);
        await stalled.RequestAsync(Subscribe(StalledId), "W");
        var witnesses = await SubscribeAsync(harness, Witnesses);
        await using var alice = await harness.LoginAsync("alice");
        try
        {
            var cut = logs.WaitForEventAsync(4006);
            harness.Exchange.Faults.StallOutbound(StalledIp);
            for (var n = 0; n < Prices.Length; n++)
            {
                await alice.RequestAsync(Order("o" + n, "1", Prices[n] * Btc, Btc / 100), "8");
                foreach (var witness in witnesses)
                {
                    await witness.WaitForTypeAsync("X");
                }
            }
            await cut;
            Assert.True(await stalled.WaitForCloseAsync(), "the stalled session stayed open");
            var error = Assert.Single(stalled.Backlog, f => f.GetProperty("MsgType").GetString() == "ERROR");
            Assert.Equal("Slow consumer", error.GetProperty("Description").GetString());
            await logs.WaitForEventAsync(4001, m => m.StartsWith("Session 1 ", StringComparison.Ordinal)); // the first to connect
            Assert.Equal(0, harness.Exchange.Runtime.QueuedBytes);
        }
        finally
        {
            harness.Exchange.Faults.ResumeOutbound();
            await DisposeAllAsync(witnesses);
        }
    }

    // The frame with the MDReqID of `from` (the record's own property, followed by , or }) replaced by `id`.
    private static string WithId(string frame, int from, string id)
    {
        var pattern = new Regex($"\"MDReqID\":{from}(?=[,}}])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        Assert.Single(pattern.Matches(frame));
        return pattern.Replace(frame, "\"MDReqID\":" + id);
    }

    private static string Subscribe(string id) =>
        $$"""{"MsgType":"V","MDReqID":{{id}},"SubscriptionRequestType":"1","MarketDepth":0,"MDUpdateType":"1","MDEntryTypes":["0","1"],"Instruments":["BTCUSD"]}""";

    private static async Task<GatewayClient[]> SubscribeAsync(ExchangeHarness harness, int count)
    {
        var clients = new GatewayClient[count];
        for (var i = 0; i < count; i++)
        {
            clients[i] = await harness.ConnectAsync();
            await clients[i].RequestAsync(Subscribe((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), "W");
        }
        return clients;
    }

    private static async Task DisposeAllAsync(GatewayClient[] clients)
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }
}
