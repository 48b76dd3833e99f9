namespace BlinkTrade.Client.Protocol;

/// <summary><c>U55</c> APIKeyRevokeResponse: the key was revoked (<c>Status</c> 0).</summary>
[MessageType(MessageTypes.ApiKeyRevokeResponse)]
public sealed partial record ApiKeyRevokeResponse : BlinkTradeMessage
{
    /// <summary>The request's correlation id.</summary>
    public long APIKeyRevokeReqID { get; init; }

    /// <summary>The revoked key.</summary>
    public string? APIKey { get; init; }

    /// <summary>Status (0 revoked).</summary>
    public int? Status { get; init; }
}
