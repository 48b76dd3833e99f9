namespace BlinkTrade.Client.Protocol;

// The wire fields, attributes and docs of this record are in Protocol/Dictionary/Messages.json.
public sealed partial record UserRequest
{
    /// <summary>A login request.</summary>
    /// <param name="userReqId">Correlation id.</param>
    /// <param name="brokerId">Broker id.</param>
    /// <param name="username">Username, email or API key.</param>
    /// <param name="password">Password or API password.</param>
    /// <param name="secondFactor">TOTP code, when two-factor authentication is on.</param>
    /// <param name="cancelOnDisconnect">Whether the server cancels the user's orders when the session drops (omitted when null).</param>
    /// <returns>The request.</returns>
    public static UserRequest Login(long userReqId, int brokerId, string username, SecretString password, SecretString? secondFactor = null, bool? cancelOnDisconnect = null)
        => new()
        {
            UserReqID = userReqId,
            BrokerID = brokerId,
            Username = username,
            Password = password,
            UserReqTyp = UserRequestType.Login,
            SecondFactor = secondFactor,
            CancelOnDisconnect = cancelOnDisconnect is null ? null : cancelOnDisconnect.Value ? "1" : "0",
        };

    /// <summary>A logout request (2016+).</summary>
    /// <param name="userReqId">Correlation id.</param>
    /// <param name="brokerId">Broker id.</param>
    /// <param name="username">The logged-in username.</param>
    /// <returns>The request.</returns>
    public static UserRequest Logout(long userReqId, int brokerId, string? username = null)
        => new() { UserReqID = userReqId, BrokerID = brokerId, Username = username, UserReqTyp = UserRequestType.Logout };

    /// <summary>A password change (requires login); success is <c>UserStatusText == "MSG_SUCCESS_PASSWORD_CHANGE"</c>.</summary>
    /// <param name="userReqId">Correlation id.</param>
    /// <param name="brokerId">Broker id.</param>
    /// <param name="currentPassword">The current password.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="secondFactor">TOTP code, when two-factor authentication is on.</param>
    /// <returns>The request.</returns>
    public static UserRequest ChangePassword(long userReqId, int brokerId, SecretString currentPassword, SecretString newPassword, SecretString? secondFactor = null)
        => new()
        {
            UserReqID = userReqId,
            BrokerID = brokerId,
            Password = currentPassword,
            NewPassword = newPassword,
            UserReqTyp = UserRequestType.ChangePassword,
            SecondFactor = secondFactor,
        };
}
