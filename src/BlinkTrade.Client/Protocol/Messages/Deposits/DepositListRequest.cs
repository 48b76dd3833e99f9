using System.Text;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U30</c> DepositListRequest: one page of deposits.</summary>
public sealed record DepositListRequest : PagedMessage
{
    /// <inheritdoc />
    [JsonPropertyOrder(HeaderOrder)]
    public override string MsgType => MessageTypes.DepositListRequest;

    /// <summary>Correlation id echoed in the <see cref="DepositListResponse"/>.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    public required long DepositListReqID { get; init; }

    /// <inheritdoc />
    private protected override (string Name, object? Value) ReqIDMember => (nameof(DepositListReqID), DepositListReqID);

    /// <summary>Statuses to list (at most 5).</summary>
    public IReadOnlyList<DepositStatus>? StatusList { get; init; }

    /// <summary>Search terms.</summary>
    public IReadOnlyList<string>? Filter { get; init; }

    /// <summary>The customer a broker asks about.</summary>
    public long? ClientID { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(StatusList), RecordText.List(StatusList)), (nameof(Filter), RecordText.List(Filter)), (nameof(ClientID), ClientID));
}
