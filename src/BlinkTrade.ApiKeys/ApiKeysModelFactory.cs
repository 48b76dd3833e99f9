namespace BlinkTrade.ApiKeys;

/// <summary>Builds the client's models for tests and mocks (their constructors are internal).</summary>
public static class ApiKeysModelFactory
{
    /// <summary>Creates an <see cref="ApiKeyStatus"/>.</summary>
    /// <param name="apiId">The id.</param>
    /// <param name="apiKey">The key string.</param>
    /// <param name="isUsable">Whether it is usable.</param>
    /// <param name="state">The state; <see cref="ApiKeyState.Active"/> when omitted.</param>
    /// <param name="permissions">The modules.</param>
    /// <returns>The model.</returns>
    public static ApiKeyStatus ApiKeyStatus(string apiId = "1", string apiKey = "", bool isUsable = true, ApiKeyState? state = null,
        ApiKeyPermissions permissions = ApiKeyPermissions.All) =>
        new(apiId, apiKey, isUsable, state ?? ApiKeyState.Active, permissions);

    /// <summary>Creates an <see cref="ApiKeyInfo"/>.</summary>
    /// <param name="apiId">The id.</param>
    /// <param name="apiKey">The key string.</param>
    /// <param name="label">The label.</param>
    /// <param name="permissions">The modules.</param>
    /// <param name="ipWhiteList">Allowed IPs.</param>
    /// <param name="isUsable">Whether it is usable.</param>
    /// <param name="state">The state; <see cref="ApiKeyState.Active"/> when omitted.</param>
    /// <param name="createTime">Creation time.</param>
    /// <param name="lastUsedTime">Last use.</param>
    /// <returns>The model.</returns>
    public static ApiKeyInfo ApiKeyInfo(string apiId = "1", string apiKey = "", string? label = null, ApiKeyPermissions permissions = ApiKeyPermissions.All,
        IReadOnlyList<string>? ipWhiteList = null, bool isUsable = true, ApiKeyState? state = null, DateTimeOffset createTime = default,
        DateTimeOffset? lastUsedTime = null) =>
        new(apiId, apiKey, label, permissions, ipWhiteList ?? [], isUsable, state ?? ApiKeyState.Active, createTime, lastUsedTime);

    /// <summary>Creates an <see cref="ApiKeyPage"/>.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="page">The 1-based page number.</param>
    /// <param name="pageSize">The page size.</param>
    /// <param name="total">The total; the row count when omitted.</param>
    /// <returns>The model.</returns>
    public static ApiKeyPage ApiKeyPage(IReadOnlyList<ApiKeyInfo> rows, int page = 1, int pageSize = 20, int? total = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new(page, pageSize, total ?? rows.Count, rows);
    }

    /// <summary>Creates a <see cref="CreatedApiKey"/>.</summary>
    /// <param name="apiId">The id.</param>
    /// <param name="apiKey">The key string.</param>
    /// <param name="secretKey">The secret.</param>
    /// <param name="apiPassword">The WebSocket password.</param>
    /// <param name="permissions">The modules.</param>
    /// <param name="state">The state; <see cref="ApiKeyState.PendingApproval"/> when omitted.</param>
    /// <param name="label">The label.</param>
    /// <param name="createTime">Creation time.</param>
    /// <returns>The model.</returns>
    public static CreatedApiKey CreatedApiKey(string apiId = "1", string apiKey = "", string secretKey = "", string? apiPassword = null,
        ApiKeyPermissions permissions = ApiKeyPermissions.All, ApiKeyState? state = null, string? label = null, DateTimeOffset createTime = default)
    {
        var s = state ?? ApiKeyState.PendingApproval;
        return new(apiId, apiKey, secretKey, apiPassword, permissions, s == ApiKeyState.Active, s, label, createTime);
    }

    /// <summary>Creates a <see cref="RegeneratedApiKeySecret"/>.</summary>
    /// <param name="apiId">The id.</param>
    /// <param name="apiKey">The key string.</param>
    /// <param name="secretKey">The new secret.</param>
    /// <returns>The model.</returns>
    public static RegeneratedApiKeySecret RegeneratedApiKeySecret(string apiId = "1", string apiKey = "", string secretKey = "") =>
        new(apiId, apiKey, secretKey);

    /// <summary>Wraps a model as a successful response.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="value">The model.</param>
    /// <param name="usedWeight1M">The used weight header.</param>
    /// <returns>The response.</returns>
    public static ApiKeysResponse<T> Response<T>(T value, int? usedWeight1M = null) => new(value, 200, usedWeight1M);
}
