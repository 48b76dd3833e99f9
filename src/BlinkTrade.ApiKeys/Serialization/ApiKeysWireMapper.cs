namespace BlinkTrade.ApiKeys.Serialization;

// Wire DTOs -> public models. REST "status" is 0 = usable, 1 = unusable (the contract's numbering).
internal static class ApiKeysWireMapper
{
    public static ApiKeyStatus ToStatus(ApiKeyWire wire) =>
        new(wire.ApiId ?? string.Empty, wire.ApiKey ?? string.Empty, IsUsable(wire), State(wire), ApiKeyPermissionNames.FromNames(wire.Permissions));

    public static ApiKeyInfo ToInfo(ApiKeyWire wire) =>
        new(wire.ApiId ?? string.Empty, wire.ApiKey ?? string.Empty, wire.Label, ApiKeyPermissionNames.FromNames(wire.Permissions),
            wire.IpWhiteList?.ToArray() ?? [], IsUsable(wire), State(wire), Time(wire.CreateTime) ?? default, Time(wire.LastUsedTime));

    public static CreatedApiKey ToCreated(ApiKeyWire wire) =>
        new(wire.ApiId ?? string.Empty, wire.ApiKey ?? string.Empty, wire.SecretKey ?? string.Empty, wire.ApiPassword,
            ApiKeyPermissionNames.FromNames(wire.Permissions), IsUsable(wire), State(wire), wire.Label, Time(wire.CreateTime) ?? default);

    public static RegeneratedApiKeySecret ToRegenerated(ApiKeyWire wire) =>
        new(wire.ApiId ?? string.Empty, wire.ApiKey ?? string.Empty, wire.SecretKey ?? string.Empty);

    public static ApiKeyPage ToPage(ApiKeyListWire wire) =>
        new(wire.Page, wire.PageSize, wire.Total, wire.Rows?.Select(ToInfo).ToArray() ?? []);

    private static bool IsUsable(ApiKeyWire wire) => wire.Status == 0;

    private static ApiKeyState State(ApiKeyWire wire) => wire.State is { } s ? new ApiKeyState(s) : default;

    private static DateTimeOffset? Time(long? unixMs) => unixMs is { } ms and > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
