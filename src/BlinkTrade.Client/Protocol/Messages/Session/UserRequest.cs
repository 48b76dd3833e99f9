namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>BE</c> UserRequest (PROTOCOL.md §2.1): login (<c>UserReqTyp "1"</c>), logout (<c>"2"</c>) or change password
/// (<c>"3"</c>). Answered by <see cref="UserResponse"/>. Credentials are <see cref="SecretString"/>s, so the record's
/// <see cref="object.ToString"/> never prints them. Prefer <see cref="Login"/>, <see cref="Logout"/> and
/// <see cref="ChangePassword"/>.
/// </summary>
[MessageType(MessageTypes.UserRequest)]
public sealed partial record UserRequest : DeviceInfoRequest
{
    /// <summary>Correlation id.</summary>
    public long UserReqID { get; init; }

    /// <summary>Broker (exchange) id (5 = testnet).</summary>
    public int? BrokerID { get; init; }

    /// <summary>Username, email or API key.</summary>
    public string? Username { get; init; }

    /// <summary>Password or API password; for a password change, the <b>current</b> password.</summary>
    public SecretString? Password { get; init; }

    /// <summary>Login, logout or change password.</summary>
    public UserRequestType UserReqTyp { get; init; }

    /// <summary>The new password (change password).</summary>
    public SecretString? NewPassword { get; init; }

    /// <summary>TOTP code when two-factor authentication is on.</summary>
    public SecretString? SecondFactor { get; init; }

    /// <summary>Email second-factor / device authorization token (2016+; non-blank when present).</summary>
    public SecretString? Token { get; init; }

    /// <summary>Remember this device (2016+).</summary>
    public bool? TrustedDevice { get; init; }

    /// <summary><c>"1"</c> to cancel the user's orders when the session drops, <c>"0"</c> not to (2016+; a string on the wire).</summary>
    public string? CancelOnDisconnect { get; init; }

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
