namespace BlinkTrade.ApiKeys;

/// <summary>Converts <see cref="ApiKeyPermissions"/> to and from the contract's wire names.</summary>
public static class ApiKeyPermissionNames
{
    // Canonical order and case, as the server answers them.
    private static readonly (string Name, ApiKeyPermissions Value)[] s_modules =
    [
        ("Account", ApiKeyPermissions.Account),
        ("Deposit", ApiKeyPermissions.Deposit),
        ("Withdraw", ApiKeyPermissions.Withdraw),
        ("ExternalAssets", ApiKeyPermissions.ExternalAssets),
        ("IssueAssets", ApiKeyPermissions.IssueAssets),
        ("TokenManagement", ApiKeyPermissions.TokenManagement),
    ];

    /// <summary>The canonical names of <paramref name="permissions"/>: <c>["All"]</c> when every module is set.</summary>
    /// <param name="permissions">The modules.</param>
    /// <returns>The names in canonical case and order.</returns>
    public static IReadOnlyList<string> ToNames(ApiKeyPermissions permissions)
    {
        if ((permissions & ApiKeyPermissions.All) == ApiKeyPermissions.All)
        {
            return ["All"];
        }
        var names = new List<string>();
        foreach (var (name, value) in s_modules)
        {
            if ((permissions & value) != 0)
            {
                names.Add(name);
            }
        }
        return names;
    }

    /// <summary>The request form: canonical names joined by commas (e.g. <c>Account,Deposit</c>).</summary>
    /// <param name="permissions">The modules.</param>
    /// <returns>The comma-separated list.</returns>
    public static string Format(ApiKeyPermissions permissions) => string.Join(',', ToNames(permissions));

    /// <summary>Reads one name, case-insensitively.</summary>
    /// <param name="name">A module name such as <c>withdraw</c> or <c>All</c>.</param>
    /// <param name="permission">The module, or <see cref="ApiKeyPermissions.None"/> when unknown.</param>
    /// <returns><see langword="true"/> when the name is known.</returns>
    public static bool TryParseName(string? name, out ApiKeyPermissions permission)
    {
        var trimmed = name?.Trim();
        if (string.Equals(trimmed, "All", StringComparison.OrdinalIgnoreCase))
        {
            permission = ApiKeyPermissions.All;
            return true;
        }
        foreach (var (candidate, value) in s_modules)
        {
            if (string.Equals(trimmed, candidate, StringComparison.OrdinalIgnoreCase))
            {
                permission = value;
                return true;
            }
        }
        permission = ApiKeyPermissions.None;
        return false;
    }

    /// <summary>Parses a comma-separated list strictly: every entry must be a known name and at least one present.</summary>
    /// <param name="list">For example <c>account, Deposit</c>.</param>
    /// <param name="permissions">The union of the named modules.</param>
    /// <returns><see langword="false"/> when the list is empty or names an unknown module.</returns>
    public static bool TryParse(string? list, out ApiKeyPermissions permissions)
    {
        permissions = ApiKeyPermissions.None;
        if (string.IsNullOrWhiteSpace(list))
        {
            return false;
        }
        foreach (var part in list.Split(','))
        {
            if (!TryParseName(part, out var one))
            {
                permissions = ApiKeyPermissions.None;
                return false;
            }
            permissions |= one;
        }
        return true;
    }

    /// <summary>Reads a response's names tolerantly: unknown names are skipped.</summary>
    /// <param name="names">The names; <see langword="null"/> reads as <see cref="ApiKeyPermissions.None"/>.</param>
    /// <returns>The union of the known modules.</returns>
    public static ApiKeyPermissions FromNames(IEnumerable<string>? names)
    {
        var result = ApiKeyPermissions.None;
        if (names is null)
        {
            return result;
        }
        foreach (var name in names)
        {
            if (TryParseName(name, out var one))
            {
                result |= one;
            }
        }
        return result;
    }
}
