using System.Text;
namespace BlinkTrade.Client.Protocol;

/// <summary><c>U29</c> BrokerListResponse: on the wire <c>Columns</c> + <c>BrokerListGrp</c> rows of arrays, read as typed rows.</summary>
public sealed record BrokerListResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.BrokerListResponse;

    /// <summary>The request's correlation id.</summary>
    public long BrokerListReqID { get; init; }

    /// <summary>Page (0-based).</summary>
    public int? Page { get; init; }

    /// <summary>Page size.</summary>
    public int? PageSize { get; init; }

    /// <summary>The brokers.</summary>
    public IReadOnlyList<BrokerInfo>? BrokerListGrp { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(BrokerListReqID), BrokerListReqID), (nameof(Page), Page), (nameof(PageSize), PageSize),
        (nameof(BrokerListGrp), RecordText.List(BrokerListGrp)));
}
