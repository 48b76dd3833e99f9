using System.Text;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U35</c> LedgerListResponse: one page of ledger rows (column-oriented <c>LedgerListGrp</c> on the wire).</summary>
public sealed record LedgerListResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.LedgerListResponse;

    /// <summary>The request's correlation id.</summary>
    public long LedgerListReqID { get; init; }

    /// <summary>Zero-based page.</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page.</summary>
    public int? PageSize { get; init; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<LedgerEntry> LedgerListGrp { get; init; } = [];

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(LedgerListReqID), LedgerListReqID), (nameof(Page), Page), (nameof(PageSize), PageSize),
        (nameof(LedgerListGrp), RecordText.List(LedgerListGrp)));
}
