using BlinkTrade.NetworkSoak.Trading;
using BlinkTrade.Testing;

namespace BlinkTrade.NetworkSoak;

/// <summary>The exchange's seed: one broker, BTCUSD, alice and bob with funds enough for any run (the first soak's
/// seed.json). PBKDF2 at 10,000 iterations: every reconnect logs in again, and the shipped 100,000 would make the
/// re-logins, not the network, the slow part of a run.</summary>
internal static class SoakSeed
{
    public const int PasswordHashIterations = 10_000;

    public static ExchangeSeed Create() => new()
    {
        PasswordHashIterations = PasswordHashIterations,
        Brokers = [new SeedBroker { Id = SoakClientOptions.BrokerId, Name = "exchange", MakerFeeBps = 10, TakerFeeBps = 20 }],
        Instruments = [new SeedInstrument { Symbol = TradingPrices.Symbol, Base = "BTC", Quote = "USD", TickSize = 1_000_000, MinQty = 10_000 }],
        Users = [User("alice"), User("bob")],
    };

    private static SeedUser User(string name) => new()
    {
        Username = name,
        Password = SoakClientOptions.Password,
        Email = $"{name}@example.com",
        Broker = SoakClientOptions.BrokerId,
        Balances = new Dictionary<string, long> { ["BTC"] = 1_000 * TradingPrices.Coin, ["USD"] = 10_000_000 * TradingPrices.Coin },
    };
}
