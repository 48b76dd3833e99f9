namespace BlinkTrade.Client.Protocol;

/// <summary><c>U54</c> APIKeyRevokeRequest: revokes a (revocable) key.</summary>
[MessageType(MessageTypes.ApiKeyRevokeRequest)]
public sealed partial record ApiKeyRevokeRequest : BlinkTradeMessage
{
    /// <summary>Correlation id echoed in the <see cref="ApiKeyRevokeResponse"/>.</summary>
    public long APIKeyRevokeReqID { get; init; }

    /// <summary>The key to revoke.</summary>
    public required string APIKey { get; init; }
}
