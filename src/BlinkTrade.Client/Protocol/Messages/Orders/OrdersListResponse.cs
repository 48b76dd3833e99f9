using System.Text;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U5</c> OrdersListResponse: on the wire <c>Columns</c> + <c>OrdListGrp</c> rows of arrays, read as typed rows.
/// Request the next page while <c>OrdListGrp.Count &gt;= PageSize</c>.</summary>
public sealed record OrdersListResponse : PagedMessage
{
    /// <inheritdoc />
    [JsonPropertyOrder(HeaderOrder)]
    public override string MsgType => MessageTypes.OrdersListResponse;

    /// <summary>The request's correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    public long OrdersReqID { get; init; }

    /// <inheritdoc />
    private protected override (string Name, object? Value) ReqIDMember => (nameof(OrdersReqID), OrdersReqID);

    /// <summary>The orders.</summary>
    public IReadOnlyList<OrderListEntry>? OrdListGrp { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(OrdListGrp), RecordText.List(OrdListGrp)));
}
