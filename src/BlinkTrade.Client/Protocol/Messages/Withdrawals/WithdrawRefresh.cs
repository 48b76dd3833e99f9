namespace BlinkTrade.Client.Protocol;

/// <summary><c>U9</c> WithdrawRefresh: unsolicited, a withdrawal was created, confirmed or processed.</summary>
public sealed record WithdrawRefresh : WithdrawReport
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.WithdrawRefresh;
}
