namespace BlinkTrade.Client.Protocol;

/// <summary><c>U71</c> CancelWithdrawalResponse: the cancelled withdrawal.</summary>
public sealed record CancelWithdrawalResponse : WithdrawReport
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.CancelWithdrawalResponse;

    /// <summary>The request's correlation id.</summary>
    public long WithdrawCancelReqID { get; init; }
}
