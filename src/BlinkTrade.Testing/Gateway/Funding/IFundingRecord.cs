namespace BlinkTrade.Testing.Gateway.Funding;

/// <summary>What the deposit and withdrawal lists (U30 → U31, U26 → U27) select and order by.</summary>
internal interface IFundingRecord
{
    /// <summary>The owner.</summary>
    int UserId { get; }

    /// <summary>The wire status code.</summary>
    string Status { get; }

    /// <summary>Creation order (the lists are newest first).</summary>
    long Sequence { get; }
}
