using System.Text;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U31</c> DepositListResponse: one page of deposits (column-oriented <c>DepositListGrp</c> on the wire).</summary>
public sealed record DepositListResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.DepositListResponse;

    /// <summary>The request's correlation id.</summary>
    public long DepositListReqID { get; init; }

    /// <summary>Zero-based page.</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page.</summary>
    public int? PageSize { get; init; }

    /// <summary>The deposits.</summary>
    public IReadOnlyList<Deposit> DepositListGrp { get; init; } = [];

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(DepositListReqID), DepositListReqID), (nameof(Page), Page), (nameof(PageSize), PageSize),
        (nameof(DepositListGrp), RecordText.List(DepositListGrp)));
}
