using BlinkTrade.Client.Protocol;
using BlinkTrade.Testing.Tests.Gateway;
using BlinkTrade.Testing.Tests.Gateway.Trading;

namespace BlinkTrade.Testing.Tests.ControlApi;

/// <summary>The control API takes the client's <see cref="Amount"/> and reports open orders with the client's protocol codes.</summary>
public sealed class ControlApiAmountTests
{
    [Fact]
    public async Task Credit_takes_an_amount_and_credits_its_exact_satoshis()
    {
        await using var harness = await ExchangeHarness.StartAsync();

        await harness.Exchange.CreditAsync(harness.AliceId, "BTC", Amount.FromDecimal(1.23456789m));
        await harness.Exchange.CreditAsync(harness.AliceId, "BTC", Amount.FromSatoshis(1));

        Assert.Equal(new ExchangeBalance(Amount.FromSatoshis(123_456_790), Amount.Zero), await harness.Exchange.GetBalanceAsync(harness.AliceId, "BTC"));
        Assert.Equal(123_456_790, (await harness.Exchange.GetTotalInCirculationAsync("BTC")).Satoshis);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Credit_refuses_an_amount_that_is_not_positive(long satoshis)
    {
        await using var harness = await ExchangeHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => harness.Exchange.CreditAsync(harness.AliceId, "BTC", Amount.FromSatoshis(satoshis)));
        Assert.Equal(0, (await harness.Exchange.GetTotalInCirculationAsync("BTC")).Satoshis);
    }

    [Fact]
    public async Task Instrument_tick_size_and_minimum_quantity_are_amounts()
    {
        await using var harness = await TradingHarness.StartFundedAsync();
        await harness.Exchange.CreateInstrumentAsync("BTCEUR", "BTC", "EUR", tickSize: Amount.FromDecimal(0.05m), minQty: Amount.FromDecimal(0.01m));
        await harness.Exchange.CreditAsync(harness.AliceId, "EUR", Amount.FromDecimal(10_000));
        await using var alice = await harness.LoginAsync("alice");

        await alice.SendAsync(EurOrder("off-tick", price: 100_04_000_000, qty: 1_000_000)); // 100.04: floored to the 0.05 tick (§5 G32)
        var offTick = await alice.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "8" && f.GetProperty("ClOrdID").GetString() == "off-tick");
        await alice.SendAsync(EurOrder("too-small", price: 100_05_000_000, qty: 999_999)); // below 0.01
        var tooSmall = await alice.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "8" && f.GetProperty("ClOrdID").GetString() == "too-small");
        await alice.SendAsync(EurOrder("ok", price: 100_05_000_000, qty: 1_000_000));
        var ok = await alice.WaitForAsync(f => f.GetProperty("MsgType").GetString() == "8" && f.GetProperty("ClOrdID").GetString() == "ok");

        Assert.Equal(("0", 100_00_000_000L), (offTick.GetProperty("ExecType").GetString(), offTick.GetProperty("Price").GetInt64()));
        Assert.Equal("8", tooSmall.GetProperty("ExecType").GetString());
        Assert.Equal(("0", 100_05_000_000L), (ok.GetProperty("ExecType").GetString(), ok.GetProperty("Price").GetInt64()));
    }

    [Fact]
    public async Task Open_orders_carry_the_clients_protocol_codes()
    {
        await using var harness = await TradingHarness.StartFundedAsync();
        await using var alice = await harness.LoginAsync("alice");
        await alice.SendAsync(TradingHarness.Order("bid", "1", 500 * TradingHarness.Btc, TradingHarness.Btc / 2));
        await alice.WaitForAsync(TradingHarness.Er("bid", "0"));

        var order = Assert.Single(await harness.Exchange.GetOpenOrdersAsync(harness.AliceId));

        Assert.Equal(("bid", "BTCUSD", harness.AliceId, 5), (order.ClOrdId, order.Symbol, order.UserId, order.BrokerId));
        Assert.Equal((Side.Buy, OrdType.Limit, TimeInForce.GoodTillCancel, OrdStatus.New), (order.Side, order.OrderType, order.TimeInForce, order.Status));
        Assert.Equal((500 * TradingHarness.Btc, TradingHarness.Btc / 2, TradingHarness.Btc / 2, 0L), (order.Price.Satoshis, order.OrderQty.Satoshis, order.LeavesQty.Satoshis, order.CumQty.Satoshis));
        Assert.Equal(250 * TradingHarness.Btc, order.Locked.Satoshis); // the bid holds its notional
    }

    private static string EurOrder(string clOrdId, long price, long qty) =>
        $$"""{"MsgType":"D","ClOrdID":"{{clOrdId}}","Symbol":"BTCEUR","Side":"1","OrdType":"2","Price":{{price}},"OrderQty":{{qty}},"BrokerID":5}""";
}
