using static BlinkTrade.Testing.Tests.Gateway.Trading.TradingHarness;

namespace BlinkTrade.Testing.Tests.Gateway.Trading;

public sealed class StatisticsTests
{
    [Fact]
    public async Task Security_status_reports_a_rolling_24_hour_window()
    {
        await using var harness = await StartFundedAsync(configure: o => o with { IdleTimeout = TimeSpan.Zero, LoginTimeout = TimeSpan.Zero });
        await using var alice = await harness.LoginAsync("alice");
        await using var bob = await harness.LoginAsync("bob");
        await alice.SendAsync(Order("s1", "2", 600 * Btc, Btc));
        await alice.WaitForAsync(Er("s1", "0"));
        await bob.SendAsync(Order("b1", "1", 600 * Btc, Btc / 2));
        await bob.WaitForAsync(Er("b1", "2"));
        harness.Exchange.AdvanceTime(TimeSpan.FromHours(12));
        await bob.SendAsync(Order("b2", "1", 600 * Btc, Btc / 2));
        await bob.WaitForAsync(Er("b2", "2"));

        await using var watcher = await harness.ConnectAsync();
        var f = await watcher.RequestAsync("""{"MsgType":"e","SecurityStatusReqID":1,"SubscriptionRequestType":"0","Instruments":["BTCUSD"]}""", "f");
        Assert.Equal(Btc, f.GetProperty("SellVolume").GetInt64());
        Assert.Equal(600 * Btc, f.GetProperty("BuyVolume").GetInt64());
        Assert.Equal(600 * Btc, f.GetProperty("HighPx").GetInt64());
        Assert.Equal(600 * Btc, f.GetProperty("VWAP").GetInt64());

        harness.Exchange.AdvanceTime(TimeSpan.FromHours(13));
        var later = await watcher.RequestAsync("""{"MsgType":"e","SecurityStatusReqID":2,"SubscriptionRequestType":"0","Instruments":["BTCUSD"]}""", "f");
        Assert.Equal(Btc / 2, later.GetProperty("SellVolume").GetInt64());
        Assert.Equal(600 * Btc, later.GetProperty("LastPx").GetInt64());

        harness.Exchange.AdvanceTime(TimeSpan.FromHours(12));
        var empty = await watcher.RequestAsync("""{"MsgType":"e","SecurityStatusReqID":3,"SubscriptionRequestType":"0","Instruments":["BTCUSD"]}""", "f");
        Assert.Equal(0, empty.GetProperty("SellVolume").GetInt64());
        Assert.Equal(0, empty.GetProperty("HighPx").GetInt64());
        var trades = await watcher.RequestAsync("""{"MsgType":"U32","TradeHistoryReqID":4}""", "U33");
        Assert.Empty(trades.GetProperty("TradeHistoryGrp").EnumerateArray());
        var byId = await watcher.RequestAsync("""{"MsgType":"U32","TradeHistoryReqID":5,"Since":0}""", "U33");
        Assert.Equal(2, byId.GetProperty("TradeHistoryGrp").GetArrayLength());
    }
}
