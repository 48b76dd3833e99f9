namespace BlinkTrade.Testing.Gateway.Funding;

/// <summary>
/// What a deposit and a withdrawal share (the fields the protocol's <c>Deposit</c> and <c>Withdrawal</c> rows have in
/// common), and what the deposit and withdrawal lists (U30 → U31, U26 → U27) select and order by.
/// </summary>
internal abstract class FundingRecord
{
    /// <summary>The owner.</summary>
    public required int UserId { get; init; }

    public required int BrokerId { get; init; }

    public required string Username { get; init; }

    public required string Currency { get; init; }

    public DateTimeOffset Created { get; init; }

    /// <summary>The wire status code.</summary>
    public string Status { get; set; } = "0";

    public int? ReasonId { get; set; }

    public string? Reason { get; set; }

    public string? ClOrdId { get; init; }

    /// <summary>Creation order (the lists are newest first).</summary>
    public abstract long Sequence { get; }
}
