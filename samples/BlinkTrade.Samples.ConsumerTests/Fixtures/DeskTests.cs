using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.Testing.Accounts;
using BlinkTrade.Testing.Scenarios;

namespace BlinkTrade.Samples.ConsumerTests.Fixtures;

/// <summary>Tests that share a class fixture's recipe, each on its own exchange (they run in parallel with other classes).</summary>
public sealed class DeskTests(DeskFixture desk) : IClassFixture<DeskFixture>
{
    private const long Satoshi = 100_000_000;

    [Fact]
    public async Task A_taker_pays_the_brokers_taker_fee_on_what_it_buys()
    {
        await using var scenario = await desk.StartAsync();

        await scenario.Client("alice").SendOrderAsync(NewOrder.Limit(DeskFixture.Symbol, Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(600m)));
        await scenario.RunUntilIdleAsync();

        // 1 BTC bought at 600 USD; the 0.2 % taker fee is taken from the BTC received.
        Assert.Equal(new Balance(Satoshi - Satoshi * 20 / 10_000, 0), await scenario.Exchange.GetBalanceAsync(scenario.UserId("alice"), "BTC"));
        Assert.Equal(9_400 * Satoshi, (await scenario.Exchange.GetBalanceAsync(scenario.UserId("alice"), "USD")).Total);
    }

    [Fact]
    public async Task Each_test_starts_from_the_fixtures_book_whatever_the_others_did()
    {
        await using var scenario = await desk.StartAsync();

        var book = await scenario.Exchange.GetBookAsync(DeskFixture.Symbol);
        Assert.Equal([600 * Satoshi, 601 * Satoshi], book.Offers.Select(o => o.Price));
        Assert.Equal([599 * Satoshi], book.Bids.Select(o => o.Price));
    }
}
