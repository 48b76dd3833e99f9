namespace BlinkTrade.Client.Protocol;

/// <summary><c>U25</c> WithdrawConfirmationResponse: the withdrawal (status <c>"1"</c> when confirmed; unchanged, or
/// <c>"0"</c> for a bad token, when not).</summary>
public sealed record WithdrawConfirmationResponse : WithdrawReport
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.WithdrawConfirmationResponse;

    /// <summary>The request's correlation id.</summary>
    public long WithdrawReqID { get; init; }
}
