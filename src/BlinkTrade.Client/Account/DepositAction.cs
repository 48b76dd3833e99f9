namespace BlinkTrade.Client.Account;

/// <summary>The values of <see cref="DepositOptions.Action"/> (<c>U18</c> <c>Action</c>, PROTOCOL.md §2.5).</summary>
public static class DepositAction
{
    /// <summary><c>CREDIT</c>: the broker credits the deposit at once (instant credit), as <see cref="Complete"/>.</summary>
    public const string Credit = "CREDIT";

    /// <summary><c>CANCEL</c>: the owner or the broker cancels a deposit that was not completed.</summary>
    public const string Cancel = "CANCEL";

    /// <summary><c>PROGRESS</c>: the broker marks the deposit in progress (status <c>2</c>).</summary>
    public const string Progress = "PROGRESS";

    /// <summary><c>COMPLETE</c>: the broker completes the deposit, crediting <see cref="DepositOptions.Value"/> (or the
    /// declared value) and running its instructions.</summary>
    public const string Complete = "COMPLETE";
}
