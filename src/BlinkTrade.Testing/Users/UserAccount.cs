namespace BlinkTrade.Testing.Users;

/// <summary>A user (or a broker's own user) of the reference exchange. Mutated only on the exchange actor.</summary>
internal sealed class UserAccount
{
    public required int UserId { get; init; }

    public required int BrokerId { get; init; }

    public required string Username { get; init; }

    public required string Email { get; set; }

    public required PasswordHash Password { get; set; }

    public bool IsBroker { get; init; }

    public bool TwoFactorEnabled { get; set; }

    /// <summary>The TOTP secret: pending (generated, not yet confirmed) while <see cref="TwoFactorEnabled"/> is false.</summary>
    public string? TwoFactorSecret { get; set; }

    /// <summary>The email second factor: pending token, trusted devices.</summary>
    public EmailSecondFactor EmailSecondFactor { get; } = new();

    public bool EmailTwoFactorEnabled => EmailSecondFactor.Enabled;

    /// <summary>The latest successful logins, oldest first (at most <see cref="LoginRecord.MaxKept"/>).</summary>
    public Queue<LoginRecord> Logins { get; } = new();

    public int Verified { get; set; }

    public string? State { get; set; }

    public string? CountryCode { get; set; }

    public string EmailLang { get; set; } = "en";

    public bool ConfirmationOrder { get; set; }

    public int? MakerFeeBuyBps { get; set; }

    public int? MakerFeeSellBps { get; set; }

    public int? TakerFeeBuyBps { get; set; }

    public int? TakerFeeSellBps { get; set; }

    public DateTimeOffset Created { get; init; }

    /// <summary>Pending password-reset token (U10/U12).</summary>
    public string? ResetToken { get; set; }
}
