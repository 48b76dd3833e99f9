namespace BlinkTrade.Client.Protocol;

/// <summary><c>U79</c> WithdrawCommentResponse: the comment was recorded.</summary>
[MessageType(MessageTypes.WithdrawCommentResponse)]
public sealed partial record WithdrawCommentResponse : BlinkTradeMessage
{
    /// <summary>The request's correlation id.</summary>
    public long WithdrawReqID { get; init; }

    /// <summary>The withdrawal.</summary>
    public long? WithdrawID { get; init; }
}
