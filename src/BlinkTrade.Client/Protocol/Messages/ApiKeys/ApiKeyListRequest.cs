using System.Text;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U50</c> APIKeyListRequest: the user's active API keys (PROTOCOL.md §2.8).</summary>
public sealed record ApiKeyListRequest : PagedMessage
{
    /// <inheritdoc />
    [JsonPropertyOrder(HeaderOrder)]
    public override string MsgType => MessageTypes.ApiKeyListRequest;

    /// <summary>Correlation id echoed in the <see cref="ApiKeyListResponse"/>.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    public long APIKeyListReqID { get; init; }

    /// <inheritdoc />
    private protected override (string Name, object? Value) ReqIDMember => (nameof(APIKeyListReqID), APIKeyListReqID);

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);
}
