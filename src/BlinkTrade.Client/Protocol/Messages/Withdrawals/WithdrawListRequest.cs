using System.Text;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U26</c> WithdrawListRequest: one page of withdrawals.</summary>
public sealed record WithdrawListRequest : PagedMessage
{
    /// <inheritdoc />
    [JsonPropertyOrder(HeaderOrder)]
    public override string MsgType => MessageTypes.WithdrawListRequest;

    /// <summary>Correlation id echoed in the <see cref="WithdrawListResponse"/>.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    public required long WithdrawListReqID { get; init; }

    /// <inheritdoc />
    private protected override (string Name, object? Value) ReqIDMember => (nameof(WithdrawListReqID), WithdrawListReqID);

    /// <summary>Statuses to list (at most 5; default pending and in progress).</summary>
    public IReadOnlyList<WithdrawStatus>? StatusList { get; init; }

    /// <summary>Search terms.</summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <summary>The customer a broker asks about.</summary>
    public long? ClientID { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(StatusList), RecordText.List(StatusList)), (nameof(Filter), RecordText.List(Filter)), (nameof(ClientID), ClientID));
}
