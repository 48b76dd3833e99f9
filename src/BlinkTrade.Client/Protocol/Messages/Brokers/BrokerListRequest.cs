using System.Text;
namespace BlinkTrade.Client.Protocol;

/// <summary><c>U28</c> BrokerListRequest: the public broker directory (PROTOCOL.md §2.9). Answered by <see cref="BrokerListResponse"/>.</summary>
public sealed record BrokerListRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.BrokerListRequest;

    /// <summary>Correlation id.</summary>
    public long BrokerListReqID { get; init; }

    /// <summary>Page (0-based).</summary>
    public int? Page { get; init; }

    /// <summary>Page size.</summary>
    public int? PageSize { get; init; }

    /// <summary>Statuses to list (default <c>["1"]</c> = active).</summary>
    public IReadOnlyList<string>? StatusList { get; init; }

    /// <summary>Country filter.</summary>
    public string? Country { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(BrokerListReqID), BrokerListReqID), (nameof(Page), Page), (nameof(PageSize), PageSize),
        (nameof(StatusList), RecordText.List(StatusList)), (nameof(Country), Country));
}
