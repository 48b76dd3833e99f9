namespace BlinkTrade.Client.Protocol;

/// <summary><c>U23</c> DepositRefresh: unsolicited, a deposit was created or changed (to the account and its broker).</summary>
public sealed record DepositRefresh : DepositReport
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.DepositRefresh;

    /// <summary>The id of the request that created the deposit, when the server includes it.</summary>
    public long? DepositReqID { get; init; }
}
