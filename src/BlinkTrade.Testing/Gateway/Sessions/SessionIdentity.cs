using System.Text.Json;

namespace BlinkTrade.Testing.Gateway.Sessions;

/// <summary>Who a logged-in session acts for. Immutable: login and logout swap the whole object.</summary>
/// <param name="UserId">The account (user id).</param>
/// <param name="BrokerId">The account's broker.</param>
/// <param name="Username">The login name.</param>
/// <param name="IsBroker">Whether the user is a broker (may act for its customers).</param>
/// <param name="ApiKey">The API key used to log in, or null for a password login.</param>
/// <param name="PermissionList">The key's PermissionList (null for password logins: everything allowed).</param>
/// <param name="CancelOnDisconnect">Cancel the session's orders when the connection closes.</param>
internal sealed record SessionIdentity(int UserId, int BrokerId, string Username, bool IsBroker, string? ApiKey, JsonElement? PermissionList, bool CancelOnDisconnect)
{
    public bool IsApiKey => ApiKey is not null;
}
