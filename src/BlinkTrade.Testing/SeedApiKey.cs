using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Testing;

/// <summary>An API key of a seeded user (active).</summary>
public sealed record SeedApiKey
{
    /// <summary>The public key.</summary>
    [JsonPropertyName("apiKey")]
    public string ApiKey { get; init; } = string.Empty;

    /// <summary>The REST signing secret.</summary>
    [JsonPropertyName("secretKey")]
    public string SecretKey { get; init; } = string.Empty;

    /// <summary>The WebSocket login password of the key.</summary>
    [JsonPropertyName("apiPassword")]
    public string? ApiPassword { get; init; }

    /// <summary>The PermissionList (PROTOCOL.md §4.1), e.g. <c>{"*":[]}</c>.</summary>
    [JsonPropertyName("permissions")]
    public JsonElement? Permissions { get; init; }

    /// <summary>The REST restrictions (e.g. <c>["All"]</c>).</summary>
    [JsonPropertyName("restrictions")]
    public IReadOnlyList<string> Restrictions { get; init => field = value ?? []; } = [];

    /// <summary>The IP whitelist (empty: any address).</summary>
    [JsonPropertyName("ipWhiteList")]
    public IReadOnlyList<string> IpWhiteList { get; init => field = value ?? []; } = [];

    /// <inheritdoc />
    public override string ToString() => $"SeedApiKey {{ ApiKey = {ApiKey}, SecretKey = ***, ApiPassword = *** }}";
}
