using System.Text.Json.Serialization;

namespace BlinkTrade.Testing;

/// <summary>An admin key of the REST host.</summary>
public sealed record SeedAdmin
{
    /// <summary>The public key.</summary>
    [JsonPropertyName("apiKey")]
    public string ApiKey { get; init; } = string.Empty;

    /// <summary>The signing secret.</summary>
    [JsonPropertyName("secretKey")]
    public string SecretKey { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"SeedAdmin {{ ApiKey = {ApiKey}, SecretKey = *** }}";
}
