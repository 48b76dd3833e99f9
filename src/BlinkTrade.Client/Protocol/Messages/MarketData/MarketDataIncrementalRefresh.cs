using System.Text;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

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

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(MDReqID), MDReqID), (nameof(MDBkTyp), MDBkTyp), (nameof(MDIncGrp), RecordText.List(MDIncGrp)));
}
