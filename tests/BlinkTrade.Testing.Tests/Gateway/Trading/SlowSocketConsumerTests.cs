using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Trading;

/// <summary>
/// Back-pressure from a real socket: a market-data subscriber over the Kestrel WebSocket that stops reading. Sessions
/// hand frames to the transport directly when nothing is queued, so this checks that a send which cannot complete
/// still leads to the bounded queue filling up and the slow-consumer disconnect — and never stalls the actor.
/// </summary>
[Collection(SocketTimingCollection.Name)]
public sealed class SlowSocketConsumerTests
{
    [Fact]
    public async Task A_subscriber_whose_socket_stops_reading_is_disconnected_while_others_keep_trading()
    {
        var logs = new CollectingLoggerFactory();
        await using var harness = await StartFundedAsync(configure: o => o with { EnableWebSocketServer = true, SessionQueueCapacity = 16, LoggerFactory = logs });
        using var slow = await RawWebSocketPeer.ConnectAsync(harness.Exchange.WebSocketUri!);
        await slow.SendTextAsync("""{"MsgType":"V","MDReqID":1,"SubscriptionRequestType":"1","MarketDepth":0,"MDEntryTypes":["0","1","2"],"Instruments":["BTCUSD"]}""");
        await using var alice = await harness.LoginAsync("alice");

        // Every order and cancel is an X frame for the subscriber, which never reads: its socket buffers fill, a send
        // stays pending, the queue behind it overflows. Alice's round trips go on meanwhile.
        var disconnected = false;
        var iterations = 0;
        for (var i = 0; i < 50_000 && !disconnected; i++)
        {
            var id = "q" + i;
            await alice.SendAsync(Order(id, "1", (300 + (i % 50)) * Btc, 10_000));
            await alice.WaitForAsync(Er(id, "0"), TimeSpan.FromSeconds(5));
            await alice.SendAsync($$"""{"MsgType":"F","ClOrdID":"{{id}}"}""");
            await alice.WaitForAsync(Er(id, "4"), TimeSpan.FromSeconds(5));
            alice.ClearBacklog(); // balance updates nobody waits for
            disconnected = logs.Entries.Any(e => e.Id.Id == 4006);
            iterations = i + 1;
        }

        Assert.True(disconnected, $"the subscriber that stopped reading was not disconnected after {iterations} orders");
        Assert.True(await slow.DrainUntilClosedAsync(TimeSpan.FromSeconds(10)), "the slow subscriber's connection stayed open");
        var hb = await alice.RequestAsync("""{"MsgType":"1","TestReqID":1}""", "0");
        Assert.Equal("0", hb.GetProperty("MsgType").GetString());
    }
}
