using BlinkTrade.ApiKeys.Serialization;
using Refit;

namespace BlinkTrade.ApiKeys.Rest;

/// <summary>
/// The platform-administration half of the REST contract (approve, reject, disable, enable) as a Refit interface,
/// generated at build time. A separate interface from <see cref="IApiKeysApi"/> so the admin client, registered
/// with its own credential, cannot reach the customer calls and the two register side by side.
/// </summary>
internal interface IApiKeysAdminApi
{
    [Post("/" + ApiKeysPaths.Base + "approve")]
    Task<IApiResponse<ApiKeyWire>> ApproveAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken);

    [Post("/" + ApiKeysPaths.Base + "reject")]
    Task<IApiResponse<ApiKeyWire>> RejectAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken);

    [Post("/" + ApiKeysPaths.Base + "disable")]
    Task<IApiResponse<ApiKeyWire>> DisableAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken);

    [Post("/" + ApiKeysPaths.Base + "enable")]
    Task<IApiResponse<ApiKeyWire>> EnableAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken);
}
