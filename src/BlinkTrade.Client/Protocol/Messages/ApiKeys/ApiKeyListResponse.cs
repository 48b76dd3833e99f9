using System.Text;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U51</c> APIKeyListResponse: active keys (column-oriented <c>ApiKeyListGrp</c>; secrets are never listed).</summary>
public sealed record ApiKeyListResponse : PagedMessage
{
    /// <inheritdoc />
    [JsonPropertyOrder(HeaderOrder)]
    public override string MsgType => MessageTypes.ApiKeyListResponse;

    /// <summary>The request's correlation id.</summary>
    [JsonPropertyOrder(HeaderOrder)]
    public long APIKeyListReqID { get; init; }

    /// <inheritdoc />
    private protected override (string Name, object? Value) ReqIDMember => (nameof(APIKeyListReqID), APIKeyListReqID);

    /// <summary>The keys.</summary>
    public IReadOnlyList<ApiKeyListEntry> ApiKeyListGrp { get; init; } = [];

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(ApiKeyListGrp), RecordText.List(ApiKeyListGrp)));
}
