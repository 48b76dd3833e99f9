using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>BF</c> UserResponse (PROTOCOL.md §2.1): the outcome of a login, logout, password change or signup. On success
/// <see cref="UserStatus"/> is <see cref="Protocol.UserStatus.LoggedIn"/> and the account fields are filled; on failure
/// it is <see cref="Protocol.UserStatus.Failed"/> with <see cref="UserStatusText"/>. A password change answers with
/// <see cref="UserReqTyp"/> 3 and <c>UserStatus 3</c> even on success (check <see cref="UserStatusText"/>). The account
/// fields it shares with <c>U39</c>/<c>U40</c> are those of <see cref="ProfileMessage"/>.
/// </summary>
[MessageType(MessageTypes.UserResponse)]
public sealed partial record UserResponse : ProfileMessage
{
    /// <summary><see cref="UserStatusText"/> of a successful password change.</summary>
    public const string PasswordChangedText = "MSG_SUCCESS_PASSWORD_CHANGE";

    /// <summary>The request's correlation id.</summary>
    public long UserReqID { get; init; }

    /// <summary>Set (to 3) on password-change answers.</summary>
    public UserRequestType? UserReqTyp { get; init; }

    /// <summary>Logged in, logged out, or failed.</summary>
    public UserStatus UserStatus { get; init; }

    /// <summary>Failure (or password-change) code, e.g. <c>MSG_LOGIN_ERROR_INVALID_SECOND_STEP</c>.</summary>
    public string? UserStatusText { get; init; }

    /// <summary>Whether a second factor is needed (failures).</summary>
    public bool? NeedSecondFactor { get; init; }

    /// <summary>Which second factor (2016+).</summary>
    public SecondFactorType? SecondFactorType { get; init; }

    /// <summary>The session's permissions (<c>{"*":[]}</c> for password logins; 2016+).</summary>
    public PermissionList? PermissionList { get; init; }

    /// <summary>Signup referrer (2016+, open-ended).</summary>
    public JsonElement? SignupReferrer { get; init; }

    /// <summary>Login referrer (2016+, open-ended).</summary>
    public JsonElement? LoginReferrer { get; init; }

    /// <summary>Whether the user is a broker's staff user (2016+).</summary>
    public bool? IsBrokerUser { get; init; }

    /// <summary>Whether the user is a system user (2016+).</summary>
    public bool? IsSystem { get; init; }

    /// <summary>Whether the session's open orders are cancelled when it disconnects (as the login asked).</summary>
    public bool? CancelOnDisconnect { get; init; }

    /// <summary>Whether this answer is a successful login.</summary>
    [JsonIgnore]
    public bool IsLoggedIn => UserStatus == UserStatus.LoggedIn;

    /// <summary>Whether this answer is a successful password change.</summary>
    [JsonIgnore]
    public bool IsPasswordChanged => UserStatusText == PasswordChangedText;
}
