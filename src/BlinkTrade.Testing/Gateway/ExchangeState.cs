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
    }

    public ExchangeRuntime Runtime { get; }

    public UserDirectory Directory { get; } = new();

    /// <summary>PermissionLists given by the seed file for seeded keys (the store derives its own from REST modules).</summary>
    public Dictionary<string, System.Text.Json.JsonElement> PermissionListOverrides { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset Now => Runtime.TimeProvider.GetUtcNow();
}
