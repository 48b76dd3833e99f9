using System.Text;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U51</c> APIKeyListResponse: active keys (column-oriented <c>ApiKeyListGrp</c>; secrets are never listed).</summary>
public sealed record ApiKeyListResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.ApiKeyListResponse;

    /// <summary>The request's correlation id.</summary>
    public long APIKeyListReqID { get; init; }

    /// <summary>Zero-based page.</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page.</summary>
    public int? PageSize { get; init; }

    /// <summary>The keys.</summary>
    public IReadOnlyList<ApiKeyListEntry> ApiKeyListGrp { get; init; } = [];

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(APIKeyListReqID), APIKeyListReqID), (nameof(Page), Page), (nameof(PageSize), PageSize),
        (nameof(ApiKeyListGrp), RecordText.List(ApiKeyListGrp)));
}
