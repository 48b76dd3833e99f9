using System.Text;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U27</c> WithdrawListResponse: one page of withdrawals (column-oriented <c>WithdrawListGrp</c> on the wire).</summary>
public sealed record WithdrawListResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.WithdrawListResponse;

    /// <summary>The request's correlation id.</summary>
    public long WithdrawListReqID { get; init; }

    /// <summary>Zero-based page.</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page.</summary>
    public int? PageSize { get; init; }

    /// <summary>The withdrawals.</summary>
    public IReadOnlyList<Withdrawal> WithdrawListGrp { get; init; } = [];

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(WithdrawListReqID), WithdrawListReqID), (nameof(Page), Page), (nameof(PageSize), PageSize),
        (nameof(WithdrawListGrp), RecordText.List(WithdrawListGrp)));
}
