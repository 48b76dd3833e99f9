using BlinkTrade.ApiKeys.Serialization;
using Refit;

namespace BlinkTrade.ApiKeys.Rest;

/// <summary>
/// The customer half of the REST contract (docs/protocol/APIKEYS-REST.md, "Endpoints" 1-5) as a Refit interface.
/// Refit's source generator implements it at build time. GET parameters travel in the query, POST parameters in a
/// form body; the signing handler adds <c>recvWindow</c>, <c>timestamp</c> and <c>signature</c> to every attempt.
/// Answers come back as <see cref="IApiResponse{T}"/> so <see cref="Pipeline.ApiKeysHttpCore"/> sees the status and
/// headers (<c>X-USED-WEIGHT-1M</c>, <c>Retry-After</c>) of failures as well as of successes.
/// </summary>
internal interface IApiKeysApi
{
    [Post("/" + ApiKeysPaths.Base + "create")]
    Task<IApiResponse<ApiKeyWire>> CreateAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken);

    [Get("/" + ApiKeysPaths.Base + "status")]
    Task<IApiResponse<ApiKeyWire>> GetStatusAsync([AliasAs("apiId")] string? apiId, [AliasAs("apiKey")] string? apiKey,
        CancellationToken cancellationToken);

    [Get("/" + ApiKeysPaths.Base + "list")]
    Task<IApiResponse<ApiKeyListWire>> ListAsync([AliasAs("page")] int page, [AliasAs("pageSize")] int pageSize, [AliasAs("state")] string? state,
        CancellationToken cancellationToken);

    [Post("/" + ApiKeysPaths.Base + "revoke")]
    Task<IApiResponse<ApiKeyWire>> RevokeAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken);

    [Post("/" + ApiKeysPaths.Base + "regenerate-secret")]
    Task<IApiResponse<ApiKeyWire>> RegenerateSecretAsync([Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        CancellationToken cancellationToken);
}
