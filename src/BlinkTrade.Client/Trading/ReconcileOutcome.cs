namespace BlinkTrade.Client.Trading;

/// <summary>What one post-reconnect order reconciliation did (for <see cref="SessionRecovery"/> and the log).</summary>
internal sealed class ReconcileOutcome
{
    /// <summary>Order-list rows read.</summary>
    public int Checked { get; set; }

    /// <summary>Orders that got synthesized reports.</summary>
    public int Orders { get; set; }

    /// <summary>Reports synthesized.</summary>
    public int Reports { get; set; }

    /// <summary>Of those, reports carrying a fill.</summary>
    public int Fills { get; set; }
}
