using System.Text.Json.Serialization;

namespace BlinkTrade.Testing.Hosting.Rest.Wire;

// A list row: exactly the contract's fields; label and lastUsedTime are written even when null/empty, and the
// type has no secret field at all, so a list can never leak one.
internal sealed class RestListRow
{
    public required string ApiId { get; init; }

    public required string ApiKey { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Label { get; init; }

    public required IReadOnlyList<string> Permissions { get; init; }

    public required IReadOnlyList<string> IpWhiteList { get; init; }

    public int Status { get; init; }

    public required string State { get; init; }

    public long CreateTime { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? LastUsedTime { get; init; }
}
