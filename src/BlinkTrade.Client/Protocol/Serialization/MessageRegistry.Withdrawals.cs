namespace BlinkTrade.Client.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>Withdrawals messages (PROTOCOL.md §2).</summary>
    private static MessageDescriptor[] WithdrawalsMessages =>
    [
        new(MessageTypes.WithdrawRequest, Context.WithdrawRequest),
        new(MessageTypes.WithdrawResponse, Context.WithdrawResponse),
        new(MessageTypes.WithdrawRefresh, Context.WithdrawRefresh),
        new(MessageTypes.WithdrawConfirmationRequest, Context.WithdrawConfirmationRequest),
        new(MessageTypes.WithdrawConfirmationResponse, Context.WithdrawConfirmationResponse),
        new(MessageTypes.WithdrawListRequest, Context.WithdrawListRequest),
        new(MessageTypes.WithdrawListResponse, Context.WithdrawListResponse, "WithdrawListGrp"),
        new(MessageTypes.CancelWithdrawalRequest, Context.CancelWithdrawalRequest),
        new(MessageTypes.CancelWithdrawalResponse, Context.CancelWithdrawalResponse),
        new(MessageTypes.WithdrawCommentRequest, Context.WithdrawCommentRequest),
        new(MessageTypes.WithdrawCommentResponse, Context.WithdrawCommentResponse),
    ];
}
