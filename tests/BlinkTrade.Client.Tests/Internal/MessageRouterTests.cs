using BlinkTrade.Client.Internal;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Tests.Support;

namespace BlinkTrade.Client.Tests.Internal;

/// <summary>The one routing table: each message type has one owner, found by the message's exact type.</summary>
public sealed class MessageRouterTests
{
    [Fact]
    public void A_message_goes_to_the_handler_of_its_type_only()
    {
        var router = new MessageRouter();
        List<string> seen = [];
        router.On<ExecutionReport>(r => seen.Add("report " + r.OrderID));
        router.On<Heartbeat>(h => seen.Add("heartbeat " + h.TestReqID));
        router.Freeze();

        Assert.True(router.Route(new ExecutionReport { OrderID = 7 }));
        Assert.True(router.Route(new Heartbeat { TestReqID = "x" }));
        Assert.False(router.Route(new TestRequest { TestReqID = "y" }));

        Assert.Equal(["report 7", "heartbeat x"], seen);
    }

    [Fact]
    public void A_type_has_one_owner_and_the_table_is_fixed_before_routing()
    {
        var router = new MessageRouter();
        router.On<ExecutionReport>(_ => { });
        Assert.Throws<InvalidOperationException>(() => router.On<ExecutionReport>(_ => { }));
        // Exact-type routing needs sealed message types.
        Assert.Throws<InvalidOperationException>(() => router.On<BlinkTradeMessage>(_ => { }));
        Assert.Throws<InvalidOperationException>(() => router.Route(new ExecutionReport()));

        router.Freeze();
        Assert.Throws<InvalidOperationException>(() => router.On<Heartbeat>(_ => { }));
    }

    [Fact]
    public void The_clients_features_register_the_messages_they_own()
    {
        var client = new BlinkTradeClient(new BlinkTradeClientOptions { Endpoint = TestDefaults.Endpoint });
        Assert.Equal(
            new[]
            {
                typeof(ExecutionReport), typeof(MarketDataFullRefresh), typeof(MarketDataIncrementalRefresh),
                typeof(MarketDataRequestReject), typeof(Ticker), typeof(UserBalanceResponse),
            }.Select(t => t.Name).Order(),
            client.RoutedMessageTypes.Select(t => t.Name).Order());
    }
}
