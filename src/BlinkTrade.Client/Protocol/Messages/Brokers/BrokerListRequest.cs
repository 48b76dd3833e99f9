using System.Text;
using System.Text.Json.Serialization;
namespace BlinkTrade.Client.Protocol;

/// <summary><c>U28</c> BrokerListRequest: the public broker directory (PROTOCOL.md §2.9). Answered by <see cref="BrokerListResponse"/>.</summary>
public sealed record BrokerListRequest : PagedMessage
{
    /// <inheritdoc />
    [JsonPropertyOrder(HeaderOrder)]
    public override string MsgType => MessageTypes.BrokerListRequest;

    /// <summary>Correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    public long BrokerListReqID { get; init; }

    /// <inheritdoc />
    private protected override (string Name, object? Value) ReqIDMember => (nameof(BrokerListReqID), BrokerListReqID);

    /// <summary>Statuses to list (default <c>["1"]</c> = active).</summary>
    public IReadOnlyList<string>? StatusList { get; init; }

    /// <summary>Country filter.</summary>
    public string? Country { get; init; }

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(StatusList), RecordText.List(StatusList)), (nameof(Country), Country));
}
