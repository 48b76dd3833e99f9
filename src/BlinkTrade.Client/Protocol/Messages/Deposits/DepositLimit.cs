using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>A deposit method's limits for one verification level (wire keys are lower-case).</summary>
public sealed record DepositLimit : ProtocolRecord
{
    /// <summary>Whether the level may use the method.</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    /// <summary>Minimum value.</summary>
    [JsonPropertyName("min")]
    public Amount? Min { get; init; }

    /// <summary>Maximum value.</summary>
    [JsonPropertyName("max")]
    public Amount? Max { get; init; }
}
