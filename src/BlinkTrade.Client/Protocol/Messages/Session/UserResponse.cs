using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

// The wire fields, attributes and docs of this record are in Protocol/Dictionary/Messages.json.
public sealed partial record UserResponse
{
    /// <summary><see cref="UserStatusText"/> of a successful password change.</summary>
    public const string PasswordChangedText = "MSG_SUCCESS_PASSWORD_CHANGE";

    /// <summary>Whether this answer is a successful login.</summary>
    [JsonIgnore]
    public bool IsLoggedIn => UserStatus == UserStatus.LoggedIn;

    /// <summary>Whether this answer is a successful password change.</summary>
    [JsonIgnore]
    public bool IsPasswordChanged => UserStatusText == PasswordChangedText;
}
