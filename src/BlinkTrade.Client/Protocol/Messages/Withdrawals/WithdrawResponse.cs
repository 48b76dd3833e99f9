namespace BlinkTrade.Client.Protocol;

/// <summary><c>U7</c> WithdrawResponse: the created withdrawal (engine-2015: only id and status).</summary>
public sealed record WithdrawResponse : WithdrawReport
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.WithdrawResponse;

    /// <summary>The request's correlation id.</summary>
    public long WithdrawReqID { get; init; }
}
