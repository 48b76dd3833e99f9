namespace BlinkTrade.Client.Protocol;

/// <summary>
/// Base of the messages that carry one withdrawal (<c>U7</c>, <c>U9</c>, <c>U25</c>, <c>U71</c>; PROTOCOL.md §2.7). On
/// the wire the withdrawal's fields stand at the message's top level; here they are <see cref="Withdrawal"/>, the
/// same record as a row of <see cref="WithdrawListResponse"/>. Engine-2015 <c>U7</c> and failed <c>U25</c> carry only a
/// few of its fields.
/// </summary>
public abstract record WithdrawReport : BlinkTradeMessage
{
    /// <summary>The withdrawal.</summary>
    public Withdrawal Withdrawal { get; init; } = new();
}
