using System.Text;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U5</c> OrdersListResponse: on the wire <c>Columns</c> + <c>OrdListGrp</c> rows of arrays, read as typed rows.
/// Request the next page while <c>OrdListGrp.Count &gt;= PageSize</c>.</summary>
public sealed record OrdersListResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.OrdersListResponse;

    /// <summary>The request's correlation id.</summary>
    public long OrdersReqID { get; init; }

    /// <summary>Page (0-based).</summary>
    public int? Page { get; init; }

    /// <summary>Page size.</summary>
    public int? PageSize { get; init; }

    /// <summary>The orders.</summary>
    public IReadOnlyList<OrderListEntry>? OrdListGrp { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(OrdersReqID), OrdersReqID), (nameof(Page), Page), (nameof(PageSize), PageSize), (nameof(OrdListGrp), RecordText.List(OrdListGrp)));
}
