namespace BlinkTrade.Client.Account;

/// <summary>The optional parts of a withdrawal cancel (<c>U70</c>) for
/// <see cref="IBlinkTradeClient.CancelWithdrawalAsync(long, WithdrawalCancelOptions, CancellationToken)"/>.</summary>
public sealed record WithdrawalCancelOptions
{
    /// <summary>The caller's reference of this cancel (<c>ClOrdID</c>, at most 30 characters), echoed as the
    /// <c>ClOrdID</c> of the <c>U71</c> reply.</summary>
    public string? ClOrdId { get; init; }
}
