using BlinkTrade.Client;
using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Trading;
using BlinkTrade.Testing.Scenarios;
using BlinkTrade.Testing.Tapes;

namespace BlinkTrade.Samples.ConsumerTests.Fixtures;

/// <summary>
/// A collection fixture: created once for every test class of <see cref="RecordedMarketCollection"/>. It records a
/// session tape of a small market (in your project: load the tape of a production incident with
/// <see cref="SessionTape.LoadAsync"/>). A tape is immutable, so the tests share it safely and each builds its own
/// exchange from it.
/// </summary>
public sealed class RecordedMarketFixture : IAsyncLifetime
{
    /// <summary>The recorded tape.</summary>
    public SessionTape Tape { get; private set; } = null!;

    /// <summary>Records: a trader watches the book and lifts the best offer.</summary>
    /// <returns>A task that completes when recorded.</returns>
    public async Task InitializeAsync()
    {
        await using var scenario = await ExchangeScenario.Create()
            .Instrument(DeskFixture.Symbol, "BTC", "USD")
            .User("carol", brokerId: null, connect: false, ("USD", 10_000))
            .Book(DeskFixture.Symbol, asks: [(600, 1), (601, 2)], bids: [(599, 1)])
            .StartAsync();
        var text = new StringWriter();
        await using (var recorder = new TapeRecorder(text, scenario.Clock))
        {
            var carol = await scenario.ConnectAsync("carol", options => options.Transport = recorder.Wrap(options.Transport!));
            using var watching = carol.ObserveOrderBook(DeskFixture.Symbol).Subscribe(_ => { });
            await scenario.RunUntilIdleAsync(); // the book's snapshot is on the tape
            await carol.SendOrderAsync(NewOrder.Limit(DeskFixture.Symbol, Side.Buy, Quantity.FromDecimal(1m), Price.FromDecimal(600m)));
            await scenario.RunUntilIdleAsync(); // and the update that the offer at 600 is gone
        }
        Tape = await SessionTape.ReadAsync(new StringReader(text.ToString()));
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;
}
