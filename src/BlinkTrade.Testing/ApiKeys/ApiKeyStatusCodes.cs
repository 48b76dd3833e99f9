namespace BlinkTrade.Testing.ApiKeys;

/// <summary>
/// The one place where a key's state becomes a wire status number. The two APIs number it inversely: REST
/// <c>status</c> is 0 usable / 1 unusable (the API-key document), WebSocket <c>Status</c> (U51/U53/U55) is
/// 1 active / 0 revoked (PROTOCOL.md §2.8).
/// </summary>
internal static class ApiKeyStatusCodes
{
    /// <summary>REST <c>status</c> of a usable key.</summary>
    public const int RestUsable = 0;

    /// <summary>REST <c>status</c> of an unusable key.</summary>
    public const int RestUnusable = 1;

    /// <summary>WebSocket <c>Status</c> of an active key.</summary>
    public const int WebSocketActive = 1;

    /// <summary>WebSocket <c>Status</c> of a key that is not active (revoked, and by extension pending/rejected/disabled).</summary>
    public const int WebSocketInactive = 0;

    /// <summary>Whether a key in <paramref name="state"/> may authenticate requests.</summary>
    /// <param name="state">The state.</param>
    /// <returns><see langword="true"/> for <see cref="ApiKeyLifecycleState.Active"/> only.</returns>
    public static bool IsUsable(ApiKeyLifecycleState state) => state == ApiKeyLifecycleState.Active;

    /// <summary>The REST <c>status</c> number.</summary>
    /// <param name="state">The state.</param>
    /// <returns>0 usable, 1 unusable.</returns>
    public static int ToRestStatus(ApiKeyLifecycleState state) => IsUsable(state) ? RestUsable : RestUnusable;

    /// <summary>The WebSocket <c>Status</c> number.</summary>
    /// <param name="state">The state.</param>
    /// <returns>1 active, 0 otherwise.</returns>
    public static int ToWebSocketStatus(ApiKeyLifecycleState state) => IsUsable(state) ? WebSocketActive : WebSocketInactive;

    /// <summary>The REST <c>state</c> name (e.g. <c>PENDING_APPROVAL</c>).</summary>
    /// <param name="state">The state.</param>
    /// <returns>The wire name.</returns>
    public static string ToRestStateName(ApiKeyLifecycleState state) => state switch
    {
        ApiKeyLifecycleState.PendingApproval => "PENDING_APPROVAL",
        ApiKeyLifecycleState.Active => "ACTIVE",
        ApiKeyLifecycleState.Rejected => "REJECTED",
        ApiKeyLifecycleState.Disabled => "DISABLED",
        ApiKeyLifecycleState.Revoked => "REVOKED",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>Reads a REST <c>state</c> name, case-insensitively.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="state">The state.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParseRestStateName(string? name, out ApiKeyLifecycleState state)
    {
        foreach (var candidate in Enum.GetValues<ApiKeyLifecycleState>())
        {
            if (string.Equals(ToRestStateName(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }
        state = default;
        return false;
    }
}
