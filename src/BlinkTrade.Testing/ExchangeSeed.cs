using System.Text.Json.Serialization;

namespace BlinkTrade.Testing;

/// <summary>
/// The seed file of the reference exchange: brokers, instruments, users with balances and API keys, admin keys.
/// Amounts are 1e8-scaled integers, fees are basis points.
/// </summary>
public sealed record ExchangeSeed
{
    /// <summary>The brokers.</summary>
    [JsonPropertyName("brokers")]
    public IReadOnlyList<SeedBroker> Brokers { get; init; } = [];

    /// <summary>The tradable instruments.</summary>
    [JsonPropertyName("instruments")]
    public IReadOnlyList<SeedInstrument> Instruments { get; init; } = [];

    /// <summary>The users.</summary>
    [JsonPropertyName("users")]
    public IReadOnlyList<SeedUser> Users { get; init; } = [];

    /// <summary>Admin API keys of the REST host.</summary>
    [JsonPropertyName("admins")]
    public IReadOnlyList<SeedAdmin> Admins { get; init; } = [];
}
