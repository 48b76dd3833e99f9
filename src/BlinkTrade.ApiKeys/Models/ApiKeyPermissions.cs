namespace BlinkTrade.ApiKeys;

/// <summary>
/// REST permission modules of an API key (the contract's <c>restrictions</c> / <c>permissions</c>).
/// <see cref="All"/> implies every other module.
/// </summary>
/// <remarks>
/// The wire form is a comma-separated, case-insensitive list in requests and a JSON array in canonical case in
/// responses; see <see cref="ApiKeyPermissionNames"/>. Names the SDK does not know are ignored when reading,
/// so a server adding a module does not break older clients.
/// </remarks>
[Flags]
#pragma warning disable CA1711 // "Permissions" is the contract's own name, not a collection suffix.
public enum ApiKeyPermissions
#pragma warning restore CA1711
{
    /// <summary>No module.</summary>
    None = 0,

    /// <summary>Account information: balances, orders, ledger, trade history.</summary>
    Account = 1,

    /// <summary>Deposits.</summary>
    Deposit = 2,

    /// <summary>Withdrawals.</summary>
    Withdraw = 4,

    /// <summary>External assets.</summary>
    ExternalAssets = 8,

    /// <summary>Token issuance (the original document repeats "externalAssets" for this one).</summary>
    IssueAssets = 16,

    /// <summary>Internal token management.</summary>
    TokenManagement = 32,

    /// <summary>Every module, including ones added later.</summary>
    All = Account | Deposit | Withdraw | ExternalAssets | IssueAssets | TokenManagement,
}
