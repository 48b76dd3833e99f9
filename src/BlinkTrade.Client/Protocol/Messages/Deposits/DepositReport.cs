namespace BlinkTrade.Client.Protocol;

/// <summary>
/// Base of the messages that carry one deposit (<c>U19</c>, <c>U23</c>; PROTOCOL.md §2.5). On the wire the deposit's
/// fields stand at the message's top level; here they are <see cref="Deposit"/>, the same record as a row of
/// <see cref="DepositListResponse"/> (fields the SDK does not model land in its extension data).
/// </summary>
public abstract record DepositReport : BlinkTradeMessage
{
    /// <summary>The deposit.</summary>
    public Deposit Deposit { get; init; } = new();

    /// <summary>Whether this is the "not found" answer (<c>DepositID</c> -1).</summary>
    public bool IsNotFound => Deposit.DepositID == "-1";
}
