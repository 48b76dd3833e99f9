namespace BlinkTrade.Client.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>ApiKeys messages (PROTOCOL.md §2).</summary>
    private static MessageDescriptor[] ApiKeysMessages =>
    [
        new(MessageTypes.ApiKeyListRequest, Context.ApiKeyListRequest),
        new(MessageTypes.ApiKeyListResponse, Context.ApiKeyListResponse, "ApiKeyListGrp"),
        new(MessageTypes.ApiKeyCreateRequest, Context.ApiKeyCreateRequest),
        new(MessageTypes.ApiKeyCreateResponse, Context.ApiKeyCreateResponse),
        new(MessageTypes.ApiKeyRevokeRequest, Context.ApiKeyRevokeRequest),
        new(MessageTypes.ApiKeyRevokeResponse, Context.ApiKeyRevokeResponse),
    ];
}
