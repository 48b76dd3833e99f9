using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U32</c> TradeHistoryRequest: recent public trades (PROTOCOL.md §2.3). Answered by <see cref="TradeHistoryResponse"/>.</summary>
public sealed record TradeHistoryRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.TradeHistoryRequest;

    /// <summary>Correlation id.</summary>
    public long TradeHistoryReqID { get; init; }

    /// <summary>Page (0-based).</summary>
    public int? Page { get; init; }

    /// <summary>Page size.</summary>
    public int? PageSize { get; init; }

    /// <summary>Above 1 000 000 000: unix seconds (trades at/after it); otherwise a TradeID (trades after it). Default: last 24 h.</summary>
    public long? Since { get; init; }

    /// <summary>Filters (open-ended).</summary>
    public JsonElement? Filter { get; init; }

    /// <summary>Symbols (2016+ JS).</summary>
    public IReadOnlyList<string>? SymbolList { get; init; }
}

/// <summary><c>U33</c> TradeHistoryResponse: on the wire <c>Columns</c> + <c>TradeHistoryGrp</c> rows of arrays, newest first.</summary>
public sealed record TradeHistoryResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.TradeHistoryResponse;

    /// <summary>The request's correlation id.</summary>
    public long TradeHistoryReqID { get; init; }

    /// <summary>Page (0-based).</summary>
    public int? Page { get; init; }

    /// <summary>Page size.</summary>
    public int? PageSize { get; init; }

    /// <summary>Echo of the request's <c>Since</c>.</summary>
    public long? Since { get; init; }

    /// <summary>The trades.</summary>
    public IReadOnlyList<TradeHistoryEntry>? TradeHistoryGrp { get; init; }
}

/// <summary>One row of <see cref="TradeHistoryResponse.TradeHistoryGrp"/>.</summary>
public sealed record TradeHistoryEntry
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

    /// <summary>Columns this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
