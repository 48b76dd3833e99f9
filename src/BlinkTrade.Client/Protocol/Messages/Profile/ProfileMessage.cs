namespace BlinkTrade.Client.Protocol;

/// <summary>
/// The account settings carried by <see cref="UpdateProfileResponse"/> (<c>U39</c>), <see cref="ProfileRefresh"/>
/// (<c>U40</c>) and, after a login, <see cref="UserResponse"/> (<c>BF</c>).
/// </summary>
public abstract record ProfileMessage : BlinkTradeMessage
{
    /// <summary>User id.</summary>
    public long? UserID { get; init; }

    /// <summary>Username (<c>"hidden"</c> for API keys without account-info permission; empty on failed logins).</summary>
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

    /// <summary>Money-services business flag (2016+).</summary>
    public bool? IsMSB { get; init; }

    /// <summary>Whether the user has a line of credit (2016+).</summary>
    public bool? HasLineOfCredit { get; init; }

    /// <summary>The full profile.</summary>
    public UserProfile? Profile { get; init; }

    /// <summary>The user's broker.</summary>
    public BrokerInfo? Broker { get; init; }

    /// <summary>Email language (2016+).</summary>
    public string? EmailLang { get; init; }

    /// <summary>Whether orders need a confirmation in the UI (2016+).</summary>
    public bool? ConfirmationOrder { get; init; }

    /// <summary>Verification level (2016+).</summary>
    public VerificationLevel? Verified { get; init; }
}
