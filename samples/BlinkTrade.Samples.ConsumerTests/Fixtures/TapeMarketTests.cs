using BlinkTrade.Testing.Scenarios;

namespace BlinkTrade.Samples.ConsumerTests.Fixtures;

/// <summary>Tests that share a collection fixture (a recorded tape) and build their own exchange from it.</summary>
[Collection(RecordedMarketCollection.Name)]
public sealed class TapeMarketTests(RecordedMarketFixture market)
{
    [Fact]
    public async Task An_exchange_built_from_the_tape_rests_the_book_the_recorded_client_last_saw()
    {
        await using var scenario = await ExchangeScenario.Create()
            .Instrument(DeskFixture.Symbol, "BTC", "USD")
            .BookFromTape(market.Tape, DeskFixture.Symbol)
            .StartAsync();

        // The recorded trader lifted the offer at 600: what is left is 601 × 2 and the bid at 599.
        var book = await scenario.Exchange.GetBookAsync(DeskFixture.Symbol);
        Assert.Equal([(601m, 2m)], book.Offers.Select(o => (o.Price.ToDecimal(), o.Quantity.ToDecimal())));
        Assert.Equal([(599m, 1m)], book.Bids.Select(o => (o.Price.ToDecimal(), o.Quantity.ToDecimal())));
    }
}
