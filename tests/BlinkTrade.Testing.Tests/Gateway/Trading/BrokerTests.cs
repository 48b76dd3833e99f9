using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Trading;

/// <summary>A broker may act for its own customers through ClientID; reports go to the owner and the sender.</summary>
public sealed class BrokerTests
{
    [Theory]
    [InlineData(TransportKind.InMemory)]
    [InlineData(TransportKind.WebSocket)]
    public async Task A_broker_reads_balances_and_places_orders_for_its_customer(TransportKind kind)
    {
        await using var harness = await StartFundedAsync(kind);
        await using var broker = await harness.LoginAsync("exchange", "broker12345");
        await using var alice = await harness.LoginAsync("alice");

        var balance = await broker.RequestAsync($$"""{"MsgType":"U2","BalanceReqID":1,"ClientID":{{harness.AliceId}}}""", "U3");
        Assert.Equal(harness.AliceId, balance.GetProperty("ClientID").GetInt32());
        Assert.Equal(10 * Btc, balance.GetProperty("5").GetProperty("BTC").GetInt64());

        await broker.SendAsync($$"""{"MsgType":"D","ClOrdID":"onbehalf","Symbol":"BTCUSD","Side":"1","OrdType":"2","Price":50000000000,"OrderQty":1000000,"ClientID":"alice"}""");
        var toBroker = await broker.WaitForAsync(Er("onbehalf", "0"));
        var toOwner = await alice.WaitForAsync(Er("onbehalf", "0"));
        Assert.Equal(toBroker.GetProperty("OrderID").GetInt64(), toOwner.GetProperty("OrderID").GetInt64());

        var list = await broker.RequestAsync("""{"MsgType":"U4","OrdersReqID":2,"ClientID":"alice@example.com"}""", "U5");
        Assert.Equal("onbehalf", list.GetProperty("OrdListGrp")[0][0].GetString());

        await broker.SendAsync($$"""{"MsgType":"F","ClOrdID":"onbehalf","ClientID":{{harness.AliceId}}}""");
        await broker.WaitForAsync(Er("onbehalf", "4"));
        await alice.WaitForAsync(Er("onbehalf", "4"));
    }
}
