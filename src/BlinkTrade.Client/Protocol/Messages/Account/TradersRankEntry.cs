namespace BlinkTrade.Client.Protocol;

/// <summary>One row of a <see cref="TradersRankResponse"/>.</summary>
public sealed record TradersRankEntry : ProtocolRecord
{
    /// <summary>1-based rank.</summary>
    public int? Rank { get; init; }

    /// <summary>Trader's username.</summary>
    public string? Trader { get; init; }

    /// <summary>Broker's username.</summary>
    public string? Broker { get; init; }

    /// <summary>The ranked amount (BTC balance).</summary>
    public Amount? Amount { get; init; }
}
