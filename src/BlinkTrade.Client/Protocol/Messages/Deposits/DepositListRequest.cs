using System.Text;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U30</c> DepositListRequest: one page of deposits.</summary>
public sealed record DepositListRequest : FundingListRequest<DepositStatus>
{
    /// <inheritdoc />
    [JsonPropertyOrder(HeaderOrder)]
    public override string MsgType => MessageTypes.DepositListRequest;

    /// <summary>Correlation id echoed in the <see cref="DepositListResponse"/>.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    public required long DepositListReqID { get; init; }

    /// <inheritdoc />
    private protected override (string Name, object? Value) ReqIDMember => (nameof(DepositListReqID), DepositListReqID);

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
