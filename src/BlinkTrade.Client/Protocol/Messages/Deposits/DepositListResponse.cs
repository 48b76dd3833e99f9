using System.Text;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U31</c> DepositListResponse: one page of deposits (column-oriented <c>DepositListGrp</c> on the wire).</summary>
public sealed record DepositListResponse : PagedMessage
{
    /// <inheritdoc />
    [JsonPropertyOrder(HeaderOrder)]
    public override string MsgType => MessageTypes.DepositListResponse;

    /// <summary>The request's correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    public long DepositListReqID { get; init; }

    /// <inheritdoc />
    private protected override (string Name, object? Value) ReqIDMember => (nameof(DepositListReqID), DepositListReqID);

    /// <summary>The deposits.</summary>
    public IReadOnlyList<Deposit> DepositListGrp { get; init; } = [];

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(DepositListGrp), RecordText.List(DepositListGrp)));
}
