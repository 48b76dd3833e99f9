using System.Text;
using System.Text.Json.Serialization;
namespace BlinkTrade.Client.Protocol;

/// <summary><c>U29</c> BrokerListResponse: on the wire <c>Columns</c> + <c>BrokerListGrp</c> rows of arrays, read as typed rows.</summary>
public sealed record BrokerListResponse : PagedMessage
{
    /// <inheritdoc />
    [JsonPropertyOrder(HeaderOrder)]
    public override string MsgType => MessageTypes.BrokerListResponse;

    /// <summary>The request's correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    public long BrokerListReqID { get; init; }

    /// <inheritdoc />
    private protected override (string Name, object? Value) ReqIDMember => (nameof(BrokerListReqID), BrokerListReqID);

    /// <summary>The brokers.</summary>
    public IReadOnlyList<BrokerInfo>? BrokerListGrp { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(BrokerListGrp), RecordText.List(BrokerListGrp)));
}
