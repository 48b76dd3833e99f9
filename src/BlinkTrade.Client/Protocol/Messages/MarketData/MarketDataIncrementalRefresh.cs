using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>X</c> MarketDataIncrementalRefresh: book changes and trades (PROTOCOL.md §2.4, §3.8).</summary>
[JsonConverter(typeof(MarketDataIncrementalRefreshJsonConverter))]
[MessageType(MessageTypes.MarketDataIncrementalRefresh)]
public sealed partial record MarketDataIncrementalRefresh : BlinkTradeMessage
{
    /// <summary>Subscription id.</summary>
    public long MDReqID { get; init; }

    /// <summary>Book type (<c>"3"</c> order depth).</summary>
    public MarketDataBookType? MDBkTyp { get; init; }

    /// <summary>The changes, to apply in order.</summary>
    public IReadOnlyList<MarketDataEntry>? MDIncGrp { get; init; }
}
