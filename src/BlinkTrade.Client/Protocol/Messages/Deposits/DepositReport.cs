namespace BlinkTrade.Client.Protocol;

// The wire fields, attributes and docs of this record are in Protocol/Dictionary/Messages.json.
public abstract partial record DepositReport
{
    /// <summary>Whether this is the "not found" answer (<c>DepositID</c> -1).</summary>
    public bool IsNotFound => Deposit.DepositID == "-1";
}
