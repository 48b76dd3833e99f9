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

    [Fact]
    public async Task The_broker_gets_the_reports_of_its_order_even_when_a_self_trade_cancel_is_reported_first()
    {
        // The order's sender travels with its id: the first report of the command is the cancel of alice's own resting
        // offer (self-trade prevention), not the broker's order, and the broker still gets every report of its order.
        await using var harness = await StartFundedAsync();
        await using var broker = await harness.LoginAsync("exchange", "broker12345");
        await using var alice = await harness.LoginAsync("alice");
        await alice.SendAsync(Order("own-offer", "2", 500 * Btc, 1_000_000));
        await alice.WaitForAsync(Er("own-offer", "0"));

        await broker.SendAsync($$"""{"MsgType":"D","ClOrdID":"crossing","Symbol":"BTCUSD","Side":"1","OrdType":"2","Price":50000000000,"OrderQty":1000000,"ClientID":{{harness.AliceId}}}""");

        await alice.WaitForAsync(Er("own-offer", "4"));
        var toOwner = await alice.WaitForAsync(Er("crossing", "0"));
        var toBroker = await broker.WaitForAsync(Er("crossing", "0"));
        Assert.Equal(toOwner.GetProperty("OrderID").GetInt64(), toBroker.GetProperty("OrderID").GetInt64());
    }
}
