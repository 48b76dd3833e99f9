using System.Text.Json.Serialization;

namespace BlinkTrade.Testing;

/// <summary>A user of the seed.</summary>
public sealed record SeedUser
{
    /// <summary>The username.</summary>
    [JsonPropertyName("username")]
    public string Username { get; init; } = string.Empty;

    /// <summary>The password (hashed with PBKDF2 when loaded).</summary>
    [JsonPropertyName("password")]
    public string Password { get; init; } = string.Empty;

    /// <summary>The email address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>The broker id.</summary>
    [JsonPropertyName("broker")]
    public int Broker { get; init; }

    /// <summary>Initial balances per currency (1e8-scaled).</summary>
    [JsonPropertyName("balances")]
    public IReadOnlyDictionary<string, long> Balances { get; init => field = value ?? new Dictionary<string, long>(); } = new Dictionary<string, long>();

    /// <summary>Active API keys of the user.</summary>
    [JsonPropertyName("apiKeys")]
    public IReadOnlyList<SeedApiKey> ApiKeys { get; init => field = value ?? []; } = [];

    /// <inheritdoc />
    public override string ToString() => $"SeedUser {{ Username = {Username}, Broker = {Broker} }}";
}
