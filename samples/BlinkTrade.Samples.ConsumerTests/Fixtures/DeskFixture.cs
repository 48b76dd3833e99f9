using BlinkTrade.Testing.Scenarios;

namespace BlinkTrade.Samples.ConsumerTests.Fixtures;

/// <summary>
/// A class fixture: what every test of a class shares, created once per class. It holds the recipe, never a running
/// exchange: each test starts its own scenario from it, so tests cannot see each other's orders and xunit may run
/// the classes that use it in parallel.
/// </summary>
public sealed class DeskFixture : IAsyncLifetime
{
    /// <summary>The instrument the desk trades.</summary>
    public const string Symbol = "BTCUSD";

    /// <summary>A fresh exchange with a fee-charging broker, a resting book and two funded traders.</summary>
    /// <returns>The running scenario; the test disposes it.</returns>
    public Task<ExchangeScenario> StartAsync() => ExchangeScenario.Create()
        .Broker(5, makerFeeBps: 10, takerFeeBps: 20)
        .Instrument(Symbol, "BTC", "USD")
        .User("alice", ("USD", 10_000))
        .User("bob", ("BTC", 10))
        .Book(Symbol, asks: [(600, 1), (601, 2)], bids: [(599, 1)])
        .StartAsync();

    /// <summary>Starts (and stops) one scenario up front, so the first test of the class does not pay the JIT.</summary>
    /// <returns>A task that completes when warm.</returns>
    public async Task InitializeAsync()
    {
        await using var warm = await StartAsync();
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;
}
