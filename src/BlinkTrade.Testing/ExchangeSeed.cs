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

    /// <summary>Parses a seed file's JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The seed.</returns>
    /// <exception cref="System.Text.Json.JsonException">The JSON does not have the seed's shape.</exception>
    public static ExchangeSeed Parse(string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, SeedJsonContext.Default.ExchangeSeed) ?? throw new System.Text.Json.JsonException("The seed is null.");

    /// <summary>Reads and parses a seed file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The seed.</returns>
    public static async Task<ExchangeSeed> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
}
