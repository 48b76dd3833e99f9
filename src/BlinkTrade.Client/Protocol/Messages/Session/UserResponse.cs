using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>BF</c> UserResponse (PROTOCOL.md §2.1): the outcome of a login, logout, password change or signup. On success
/// <see cref="UserStatus"/> is <see cref="Protocol.UserStatus.LoggedIn"/> and the account fields are filled; on failure
/// it is <see cref="Protocol.UserStatus.Failed"/> with <see cref="UserStatusText"/>. A password change answers with
/// <see cref="UserReqTyp"/> 3 and <c>UserStatus 3</c> even on success (check <see cref="UserStatusText"/>).
/// </summary>
public sealed record UserResponse : BlinkTradeMessage
{
    /// <summary><see cref="UserStatusText"/> of a successful password change.</summary>
    public const string PasswordChangedText = "MSG_SUCCESS_PASSWORD_CHANGE";

    /// <inheritdoc />
    public override string MsgType => MessageTypes.UserResponse;

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

    /// <summary>User id.</summary>
    public long? UserID { get; init; }

    /// <summary>Username (<c>"hidden"</c> for API keys without account-info permission; empty on failures).</summary>
    public string? Username { get; init; }

    /// <summary>Whether TOTP two-factor authentication is on.</summary>
    public bool? TwoFactorEnabled { get; init; }

    /// <summary>Whether email two-factor is on (2016+).</summary>
    public bool? EmailTwoFactorEnabled { get; init; }

    /// <summary>Whether the user is a broker.</summary>
    public bool? IsBroker { get; init; }

    /// <summary>The user's broker.</summary>
    public int? BrokerID { get; init; }

    /// <summary>Maker fee for buys, basis points (null = broker default).</summary>
    public int? TransactionFeeBuy { get; init; }

    /// <summary>Maker fee for sells, basis points (null = broker default).</summary>
    public int? TransactionFeeSell { get; init; }

    /// <summary>Taker fee for buys, basis points (2016+; null ⇒ maker rate).</summary>
    public int? TakerTransactionFeeBuy { get; init; }

    /// <summary>Taker fee for sells, basis points (2016+; null ⇒ maker rate).</summary>
    public int? TakerTransactionFeeSell { get; init; }

    /// <summary>Deposit fee, plain percent.</summary>
    public decimal? DepositPercentFee { get; init; }

    /// <summary>Fixed deposit fee (1e8-scaled).</summary>
    public Amount? DepositFixedFee { get; init; }

    /// <summary>Withdrawal fee, plain percent.</summary>
    public decimal? WithdrawPercentFee { get; init; }

    /// <summary>Fixed withdrawal fee (1e8-scaled).</summary>
    public Amount? WithdrawFixedFee { get; init; }

    /// <summary>Whether the user is a market maker.</summary>
    public bool? IsMarketMaker { get; init; }

    /// <summary>The user's broker.</summary>
    public BrokerInfo? Broker { get; init; }

    /// <summary>The user's profile.</summary>
    public UserProfile? Profile { get; init; }

    /// <summary>Email language (2016+).</summary>
    public string? EmailLang { get; init; }

    /// <summary>Money-services business flag (2016+).</summary>
    public bool? IsMSB { get; init; }

    /// <summary>Whether the user has a line of credit (2016+).</summary>
    public bool? HasLineOfCredit { get; init; }

    /// <summary>Whether orders need a confirmation in the UI (2016+).</summary>
    public bool? ConfirmationOrder { get; init; }

    /// <summary>The session's permissions (<c>{"*":[]}</c> for password logins; 2016+).</summary>
    public PermissionList? PermissionList { get; init; }

    /// <summary>Verification level (2016+).</summary>
    public VerificationLevel? Verified { get; init; }

    /// <summary>Signup referrer (2016+, open-ended).</summary>
    public JsonElement? SignupReferrer { get; init; }

    /// <summary>Login referrer (2016+, open-ended).</summary>
    public JsonElement? LoginReferrer { get; init; }

    /// <summary>Whether the user is a broker's staff user (2016+).</summary>
    public bool? IsBrokerUser { get; init; }

    /// <summary>Whether the user is a system user (2016+).</summary>
    public bool? IsSystem { get; init; }

    /// <summary>Whether this answer is a successful login.</summary>
    [JsonIgnore]
    public bool IsLoggedIn => UserStatus == UserStatus.LoggedIn;

    /// <summary>Whether this answer is a successful password change.</summary>
    [JsonIgnore]
    public bool IsPasswordChanged => UserStatusText == PasswordChangedText;
}
