namespace BlinkTrade.Client.Protocol;

/// <summary><c>U50</c> APIKeyListRequest: the user's active API keys (PROTOCOL.md §2.8).</summary>
public sealed record ApiKeyListRequest : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.ApiKeyListRequest;

    /// <summary>Correlation id echoed in the <see cref="ApiKeyListResponse"/>.</summary>
    public required long APIKeyListReqID { get; init; }

    /// <summary>Zero-based page.</summary>
    public int? Page { get; init; }

    /// <summary>Rows per page.</summary>
    public int? PageSize { get; init; }
}
