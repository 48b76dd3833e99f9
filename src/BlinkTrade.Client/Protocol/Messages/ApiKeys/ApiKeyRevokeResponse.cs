namespace BlinkTrade.Client.Protocol;

/// <summary><c>U55</c> APIKeyRevokeResponse: the key was revoked (<c>Status</c> 0).</summary>
public sealed record ApiKeyRevokeResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.ApiKeyRevokeResponse;

    /// <summary>The request's correlation id.</summary>
    public long APIKeyRevokeReqID { get; init; }

    /// <summary>The revoked key.</summary>
    public string? APIKey { get; init; }

    /// <summary>Status (0 revoked).</summary>
    public int? Status { get; init; }
}
