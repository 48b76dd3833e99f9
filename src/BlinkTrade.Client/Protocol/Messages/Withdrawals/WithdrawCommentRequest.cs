namespace BlinkTrade.Client.Protocol;

/// <summary><c>U78</c> WithdrawCommentRequest: adds a comment to a withdrawal.</summary>
[MessageType(MessageTypes.WithdrawCommentRequest)]
public sealed partial record WithdrawCommentRequest : BlinkTradeMessage
{
    /// <summary>Correlation id echoed in the <see cref="WithdrawCommentResponse"/>.</summary>
    public long WithdrawReqID { get; init; }

    /// <summary>The withdrawal.</summary>
    public required long WithdrawID { get; init; }

    /// <summary>The comment.</summary>
    public required string Message { get; init; }
}
