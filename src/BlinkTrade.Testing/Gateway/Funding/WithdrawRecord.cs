using System.Text.Json;

namespace BlinkTrade.Testing.Gateway.Funding;

/// <summary>A withdrawal (§2.7): requested by U6, confirmed by U24, processed by the broker through the control API.</summary>
internal sealed class WithdrawRecord
{
    public required long WithdrawId { get; init; }

    public required int UserId { get; init; }

    public required int BrokerId { get; init; }

    public required string Username { get; init; }

    public required string Method { get; init; }

    public required string Currency { get; init; }

    public required long Amount { get; init; }

    public JsonElement? Data { get; init; }

    public DateTimeOffset Created { get; init; }

    public string Status { get; set; } = "0";

    public int? ReasonId { get; set; }

    public string? Reason { get; set; }

    public long PaidAmount { get; init; }

    public string? ClOrdId { get; init; }

    /// <summary>The emailed confirmation token (readable through the control API).</summary>
    public required string ConfirmationToken { get; init; }

    /// <summary>Comments the user added with U78, oldest first (readable through the control API).</summary>
    public List<string> Comments { get; } = [];
}
