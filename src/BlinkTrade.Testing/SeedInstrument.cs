using System.Text.Json.Serialization;

namespace BlinkTrade.Testing;

/// <summary>An instrument of the seed.</summary>
public sealed record SeedInstrument
{
    /// <summary>The symbol, e.g. <c>BTCUSD</c>.</summary>
    [JsonPropertyName("symbol")]
    public string Symbol { get; init; } = string.Empty;

    /// <summary>The base (quantity) currency.</summary>
    [JsonPropertyName("base")]
    public string Base { get; init; } = string.Empty;

    /// <summary>The quote (price) currency.</summary>
    [JsonPropertyName("quote")]
    public string Quote { get; init; } = string.Empty;

    /// <summary>The price granularity (1e8-scaled).</summary>
    [JsonPropertyName("tickSize")]
    public long TickSize { get; init; } = 1;

    /// <summary>The minimum order quantity (1e8-scaled).</summary>
    [JsonPropertyName("minQty")]
    public long MinQty { get; init; } = 1;
}
