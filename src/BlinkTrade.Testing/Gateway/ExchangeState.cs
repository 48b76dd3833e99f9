using BlinkTrade.Testing.Gateway.MarketData;
using BlinkTrade.Testing.Matching;
using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway;

/// <summary>
/// Everything the exchange knows. Only the exchange actor touches it (single writer), so none of it is locked.
/// </summary>
internal sealed partial class ExchangeState
{
    public ExchangeState(ExchangeRuntime runtime)
    {
        Runtime = runtime;
        // Order ids look like production's 13-digit ids; exec ids and trade ids are monotonic per instance (§5 G17).
        Engine = new MatchingEngine(new EngineOptions { FirstOrderId = 1_459_028_830_001, FirstExecId = 1, FirstTradeId = 1 });
        MarketData = new MarketDataHub(Engine, brokerId => Directory.FindBroker(brokerId)?.Name ?? brokerId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public ExchangeRuntime Runtime { get; }

    public UserDirectory Directory { get; } = new();

    /// <summary>The matching engine with its risk engine (balances, holds, settlement, ledger).</summary>
    public MatchingEngine Engine { get; }

    /// <summary>Market-data subscriptions and publication over <see cref="Engine"/>'s books and trades.</summary>
    public MarketDataHub MarketData { get; }

    /// <summary>PermissionLists given by the seed file for seeded keys (the store derives its own from REST modules).</summary>
    public Dictionary<string, System.Text.Json.JsonElement> PermissionListOverrides { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset Now => Runtime.TimeProvider.GetUtcNow();
}
