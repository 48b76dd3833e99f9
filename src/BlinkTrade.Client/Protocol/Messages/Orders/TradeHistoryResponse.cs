using System.Text;

namespace BlinkTrade.Client.Protocol;

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

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(TradeHistoryReqID), TradeHistoryReqID), (nameof(Page), Page), (nameof(PageSize), PageSize), (nameof(Since), Since),
        (nameof(TradeHistoryGrp), RecordText.List(TradeHistoryGrp)));
}
