using System.Text;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U27</c> WithdrawListResponse: one page of withdrawals (column-oriented <c>WithdrawListGrp</c> on the wire).</summary>
public sealed record WithdrawListResponse : PagedMessage
{
    /// <inheritdoc />
    [JsonPropertyOrder(HeaderOrder)]
    public override string MsgType => MessageTypes.WithdrawListResponse;

    /// <summary>The request's correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    public long WithdrawListReqID { get; init; }

    /// <inheritdoc />
    private protected override (string Name, object? Value) ReqIDMember => (nameof(WithdrawListReqID), WithdrawListReqID);

    /// <summary>The withdrawals.</summary>
    public IReadOnlyList<Withdrawal> WithdrawListGrp { get; init; } = [];

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(WithdrawListGrp), RecordText.List(WithdrawListGrp)));
}
