namespace BlinkTrade.Testing;

/// <summary>What the broker does with a withdrawal (the control API's B6 equivalent, §2.7).</summary>
public enum WithdrawalAction
{
    /// <summary>Start paying out: the locked amount is debited (status "2").</summary>
    Progress,

    /// <summary>Paid out (status "4"); debits first if the withdrawal was not in progress yet.</summary>
    Complete,

    /// <summary>Refuse a pending withdrawal: its funds are unlocked (status "8").</summary>
    Cancel,
}
