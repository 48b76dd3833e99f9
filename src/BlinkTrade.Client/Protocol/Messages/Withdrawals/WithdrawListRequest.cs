using System.Text;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U26</c> WithdrawListRequest: one page of withdrawals.</summary>
public sealed record WithdrawListRequest : FundingListRequest<WithdrawStatus>
{
    /// <inheritdoc />
    [JsonPropertyOrder(HeaderOrder)]
    public override string MsgType => MessageTypes.WithdrawListRequest;

    /// <summary>Correlation id echoed in the <see cref="WithdrawListResponse"/>.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    public required long WithdrawListReqID { get; init; }

    /// <inheritdoc />
    private protected override (string Name, object? Value) ReqIDMember => (nameof(WithdrawListReqID), WithdrawListReqID);

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
