using System.Text.Json;
using System.Text.Json.Nodes;
using BlinkTrade.ApiKeys;

namespace BlinkTrade.Testing.ApiKeys;

/// <summary>
/// Maps the REST permission modules onto the WebSocket <c>PermissionList</c> (message types with field filters,
/// PROTOCOL.md §4.1) and back, per the REST contract: All ≈ <c>{"*":[]}</c>; Account ≈ BF, U2, U4, U32, U34;
/// Deposit ≈ U18, U19, U30; Withdraw ≈ U6, U24, U26, U70. ExternalAssets, IssueAssets and TokenManagement have
/// no WebSocket message types, so alone they grant nothing over the socket.
/// </summary>
internal static class ApiKeyPermissionMapping
{
    private static readonly (ApiKeyPermissions Module, string[] MessageTypes)[] s_modules =
    [
        (ApiKeyPermissions.Account, ["BF", "U2", "U4", "U32", "U34"]),
        (ApiKeyPermissions.Deposit, ["U18", "U19", "U30"]),
        (ApiKeyPermissions.Withdraw, ["U6", "U24", "U26", "U70"]),
    ];

    /// <summary>
    /// Message types a key's PermissionList may never name (engine-2015 <c>processApiKeyCreateRequest</c>): an API key
    /// must not manage credentials, sign up, reset passwords or create further keys.
    /// </summary>
    public static IReadOnlySet<string> ForbiddenMessageTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "*", "B", "BE", "C", "U0", "U10", "U12", "U16", "U38", "U44", "U46", "U50", "U52", "U54",
    };

    /// <summary>The message types of one module (empty for modules without WebSocket messages).</summary>
    /// <param name="module">A single module.</param>
    /// <returns>The message types.</returns>
    public static IReadOnlyList<string> MessageTypesOf(ApiKeyPermissions module)
    {
        foreach (var (m, types) in s_modules)
        {
            if (m == module)
            {
                return types;
            }
        }
        return [];
    }

    /// <summary>The PermissionList granting <paramref name="permissions"/>: <c>{"*":[]}</c> for All, else each module's types unfiltered.</summary>
    /// <param name="permissions">The REST modules.</param>
    /// <returns>A JSON object.</returns>
    public static JsonElement ToPermissionList(ApiKeyPermissions permissions)
    {
        var list = new JsonObject();
        if ((permissions & ApiKeyPermissions.All) == ApiKeyPermissions.All)
        {
            list["*"] = new JsonArray();
        }
        else
        {
            foreach (var (module, types) in s_modules)
            {
                if ((permissions & module) != 0)
                {
                    foreach (var type in types)
                    {
                        list[type] = new JsonArray();
                    }
                }
            }
        }
        return JsonSerializer.SerializeToElement(list, ApiKeysStoreJsonContext.Default.JsonObject);
    }

    /// <summary>
    /// The REST modules a PermissionList amounts to: <c>*</c> is All; a module counts only when every one of its
    /// message types is granted without filters (a filtered grant is narrower than the module).
    /// </summary>
    /// <param name="permissionList">A PermissionList object.</param>
    /// <returns>The modules.</returns>
    public static ApiKeyPermissions ToModules(JsonElement permissionList)
    {
        if (permissionList.ValueKind != JsonValueKind.Object)
        {
            return ApiKeyPermissions.None;
        }
        if (permissionList.TryGetProperty("*", out _))
        {
            return ApiKeyPermissions.All;
        }
        var result = ApiKeyPermissions.None;
        foreach (var (module, types) in s_modules)
        {
            if (types.All(t => permissionList.TryGetProperty(t, out var filters) && filters.ValueKind == JsonValueKind.Array && filters.GetArrayLength() == 0))
            {
                result |= module;
            }
        }
        return result;
    }

    /// <summary>
    /// Checks a PermissionList's shape (<c>{"&lt;MsgType&gt;": [[field, op, value, ...], ...]}</c>) and that it names
    /// no forbidden message type (for creation over the socket, U52).
    /// </summary>
    /// <param name="permissionList">The candidate.</param>
    /// <param name="error">Why it is refused.</param>
    /// <returns>Whether it is acceptable.</returns>
    public static bool TryValidate(JsonElement permissionList, out string? error)
    {
        if (permissionList.ValueKind != JsonValueKind.Object)
        {
            error = "PermissionList must be a JSON object.";
            return false;
        }
        foreach (var property in permissionList.EnumerateObject())
        {
            if (ForbiddenMessageTypes.Contains(property.Name))
            {
                error = $"Message type '{property.Name}' cannot be granted to an API key.";
                return false;
            }
            if (property.Value.ValueKind != JsonValueKind.Array)
            {
                error = $"The filters of '{property.Name}' must be an array.";
                return false;
            }
            foreach (var filter in property.Value.EnumerateArray())
            {
                if (filter.ValueKind != JsonValueKind.Array || filter.GetArrayLength() % 3 != 0)
                {
                    error = $"A filter of '{property.Name}' must be a flat list of [field, op, value] triples.";
                    return false;
                }
            }
        }
        error = null;
        return true;
    }
}
