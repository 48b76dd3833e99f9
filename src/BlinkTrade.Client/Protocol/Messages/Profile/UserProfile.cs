using System.Text.Json;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// The <c>Profile</c> object of <c>BF</c>, <c>U39</c> and <c>U40</c> (PROTOCOL.md §2.6). Broker profiles carry the
/// broker model's fields as well; they land in <see cref="ProtocolRecord.ExtensionData"/>.
/// </summary>
public sealed record UserProfile : ProtocolRecord
{
    /// <summary><c>"USER"</c> or <c>"BROKER"</c>.</summary>
    public string? Type { get; init; }

    /// <summary>User id.</summary>
    public long? UserID { get; init; }

    /// <summary>Profile id (equals the user id).</summary>
    public long? ID { get; init; }

    /// <summary>Username (<c>"hidden"</c> without account-info permission).</summary>
    public string? Username { get; init; }

    /// <summary>Email (<c>"hidden"</c> without account-info permission).</summary>
    public string? Email { get; init; }

    /// <summary>State.</summary>
    public string? State { get; init; }

    /// <summary>Country.</summary>
    public string? Country { get; init; }

    /// <summary>ISO-2 country code.</summary>
    public string? CountryCode { get; init; }

    /// <summary>Verification level.</summary>
    public VerificationLevel? Verified { get; init; }

    /// <summary>Verification details (open-ended; null when hidden).</summary>
    public JsonElement? VerificationData { get; init; }

    /// <summary>Whether TOTP two-factor authentication is on.</summary>
    public bool? TwoFactorEnabled { get; init; }

    /// <summary>Whether email two-factor is on (2016+).</summary>
    public bool? EmailTwoFactorEnabled { get; init; }

    /// <summary>Whether withdrawals need email confirmation.</summary>
    public bool? NeedWithdrawEmail { get; init; }

    /// <summary>Maker fee for buys, basis points (null = broker default).</summary>
    public int? TransactionFeeBuy { get; init; }

    /// <summary>Maker fee for sells, basis points (null = broker default).</summary>
    public int? TransactionFeeSell { get; init; }

    /// <summary>Taker fee for buys, basis points (2016+).</summary>
    public int? TakerTransactionFeeBuy { get; init; }

    /// <summary>Taker fee for sells, basis points (2016+).</summary>
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

    /// <summary>Email language, e.g. <c>en</c> (2016+).</summary>
    public string? EmailLang { get; init; }

    /// <summary>Money-services business flag (2016+).</summary>
    public bool? IsMSB { get; init; }

    /// <summary>Whether the user has a line of credit (2016+).</summary>
    public bool? HasLineOfCredit { get; init; }

    /// <summary>Whether orders need a confirmation in the UI (2016+).</summary>
    public bool? ConfirmationOrder { get; init; }
}
