using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.Testing;
using BlinkTrade.Testing.Scenarios;

namespace BlinkTrade.Samples.ConsumerTests.Fixtures;

/// <summary>Tests that share a class fixture's recipe, each on its own exchange (they run in parallel with other classes).</summary>
public sealed class DeskTests(DeskFixture desk) : IClassFixture<DeskFixture>
{
    [Fact]
    public async Task A_taker_pays_the_brokers_taker_fee_on_what_it_buys()
    {
        await using var scenario = await desk.StartAsync();

        await scenario.Client("alice").SendOrderAsync(NewOrder.Limit(DeskFixture.Symbol, Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(600m)));
        await scenario.RunUntilIdleAsync();

        // 1 BTC bought at 600 USD; the 0.2 % taker fee is taken from the BTC received.
        Assert.Equal(new ExchangeBalance(Amount.FromDecimal(0.998m), Amount.Zero), await scenario.Exchange.GetBalanceAsync(scenario.UserId("alice"), "BTC"));
        Assert.Equal(Amount.FromDecimal(9_400m), (await scenario.Exchange.GetBalanceAsync(scenario.UserId("alice"), "USD")).Total);
    }

    [Fact]
    public async Task Each_test_starts_from_the_fixtures_book_whatever_the_others_did()
    {
        await using var scenario = await desk.StartAsync();

        var book = await scenario.Exchange.GetBookAsync(DeskFixture.Symbol);
        Assert.Equal([Price.FromDecimal(600m), Price.FromDecimal(601m)], book.Offers.Select(o => o.Price));
        Assert.Equal([Price.FromDecimal(599m)], book.Bids.Select(o => o.Price));
    }
}
