namespace BlinkTrade.Client.Protocol;

/// <summary><c>U19</c> DepositResponse: the deposit created or looked up (<c>DepositID</c> -1 when not found).</summary>
public sealed record DepositResponse : DepositReport
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.DepositResponse;

    /// <summary>The request's correlation id (absent in the not-found answer).</summary>
    public long? DepositReqID { get; init; }
}
