using System.Text.Json.Serialization;

namespace BlinkTrade.Testing;

/// <summary>A broker of the seed.</summary>
public sealed record SeedBroker
{
    /// <summary>The broker id (5 = testnet).</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>The broker's short name (also its username).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "exchange";

    /// <summary>The maker fee in basis points.</summary>
    [JsonPropertyName("makerFeeBps")]
    public int MakerFeeBps { get; init; }

    /// <summary>The taker fee in basis points.</summary>
    [JsonPropertyName("takerFeeBps")]
    public int TakerFeeBps { get; init; }
}
