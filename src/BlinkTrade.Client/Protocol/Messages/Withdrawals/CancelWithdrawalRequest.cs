namespace BlinkTrade.Client.Protocol;

/// <summary><c>U70</c> CancelWithdrawalRequest: the user cancels a withdrawal.</summary>
[MessageType(MessageTypes.CancelWithdrawalRequest)]
public sealed partial record CancelWithdrawalRequest : BlinkTradeMessage
{
    /// <summary>Correlation id echoed in the <see cref="CancelWithdrawalResponse"/>.</summary>
    public long WithdrawCancelReqID { get; init; }

    /// <summary>The withdrawal.</summary>
    public required long WithdrawID { get; init; }

    /// <summary>Client reference.</summary>
    public string? ClOrdID { get; init; }
}
