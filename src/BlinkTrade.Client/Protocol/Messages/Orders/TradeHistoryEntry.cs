namespace BlinkTrade.Client.Protocol;

/// <summary>One row of <see cref="TradeHistoryResponse.TradeHistoryGrp"/>.</summary>
public sealed record TradeHistoryEntry : ProtocolRecord
{
    /// <summary>Trade id.</summary>
    public long TradeID { get; init; }

    /// <summary>Symbol.</summary>
    public string? Market { get; init; }

    /// <summary>Aggressor side.</summary>
    public Side Side { get; init; }

    /// <summary>Price.</summary>
    public Price Price { get; init; }

    /// <summary>Quantity.</summary>
    public Quantity Size { get; init; }

    /// <summary>Buyer account id.</summary>
    public long? Buyer { get; init; }

    /// <summary>Seller account id.</summary>
    public long? Seller { get; init; }

    /// <summary>Trade time.</summary>
    public DateTime? Created { get; init; }

    /// <summary>Buyer username (broker sessions only).</summary>
    public string? BuyerUsername { get; init; }

    /// <summary>Seller username (broker sessions only).</summary>
    public string? SellerUsername { get; init; }
}
