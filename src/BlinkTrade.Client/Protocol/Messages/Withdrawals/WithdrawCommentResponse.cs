namespace BlinkTrade.Client.Protocol;

/// <summary><c>U79</c> WithdrawCommentResponse: the comment was recorded.</summary>
public sealed record WithdrawCommentResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.WithdrawCommentResponse;

    /// <summary>The request's correlation id.</summary>
    public long WithdrawReqID { get; init; }

    /// <summary>The withdrawal.</summary>
    public long? WithdrawID { get; init; }
}
