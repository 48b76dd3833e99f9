namespace BlinkTrade.Testing.Gateway.Funding;

/// <summary>A deposit (§2.5): created by U18, confirmed or cancelled by the broker through the control API.</summary>
internal sealed class DepositRecord
{
    public required string DepositId { get; init; }

    /// <summary>The numeric id the ledger references.</summary>
    public required long LedgerReference { get; init; }

    public int? DepositMethodId { get; init; }

    public required string DepositMethodName { get; init; }

    public required int UserId { get; init; }

    public required int BrokerId { get; init; }

    public required string Username { get; init; }

    public required string Type { get; init; }

    public required string Currency { get; init; }

    public long Value { get; set; }

    public long PaidValue { get; set; }

    public string? InputAddress { get; init; }

    public DateTimeOffset Created { get; init; }

    public string Status { get; set; } = "0";

    public int? ReasonId { get; set; }

    public string? Reason { get; set; }

    public string? ClOrdId { get; init; }
}
