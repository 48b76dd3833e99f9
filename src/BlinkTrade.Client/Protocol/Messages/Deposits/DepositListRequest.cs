using System.Text;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U30</c> DepositListRequest: one page of deposits.</summary>
public sealed record DepositListRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.DepositListRequest;

    /// <summary>Correlation id echoed in the <see cref="DepositListResponse"/>.</summary>
    public required long DepositListReqID { get; init; }

    /// <summary>Zero-based page.</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page.</summary>
    public int? PageSize { get; init; }

    /// <summary>Statuses to list (at most 5).</summary>
    public IReadOnlyList<DepositStatus>? StatusList { get; init; }

    /// <summary>Search terms.</summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <summary>The customer a broker asks about.</summary>
    public long? ClientID { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(DepositListReqID), DepositListReqID), (nameof(Page), Page), (nameof(PageSize), PageSize),
        (nameof(StatusList), RecordText.List(StatusList)), (nameof(Filter), RecordText.List(Filter)), (nameof(ClientID), ClientID));
}
