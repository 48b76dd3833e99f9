using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// <c>W</c> MarketDataFullRefresh: the snapshot of one instrument's book (and recent trades plus a volume entry
/// when trades were requested) (PROTOCOL.md §2.4).
/// </summary>
public sealed record MarketDataFullRefresh : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.MarketDataFullRefresh;

    /// <summary>Subscription id.</summary>
    public long MDReqID { get; init; }

    /// <summary>Instrument.</summary>
    public string? Symbol { get; init; }

    /// <summary>Depth echoed from the request.</summary>
    public int? MarketDepth { get; init; }

    /// <summary>Book entries (bids then offers, each best first), trades (oldest first), then a volume entry.</summary>
    public IReadOnlyList<MarketDataEntry>? MDFullGrp { get; init; }
}

/// <summary><c>X</c> MarketDataIncrementalRefresh: book changes and trades (PROTOCOL.md §2.4, §3.8).</summary>
[JsonConverter(typeof(MarketDataIncrementalRefreshJsonConverter))]
public sealed record MarketDataIncrementalRefresh : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.MarketDataIncrementalRefresh;

    /// <summary>Subscription id.</summary>
    public long MDReqID { get; init; }

    /// <summary>Book type (<c>"3"</c> order depth).</summary>
    public MarketDataBookType? MDBkTyp { get; init; }

    /// <summary>The changes, to apply in order.</summary>
    public IReadOnlyList<MarketDataEntry>? MDIncGrp { get; init; }
}
