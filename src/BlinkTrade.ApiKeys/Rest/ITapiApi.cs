using Refit;

namespace BlinkTrade.ApiKeys.Rest;

/// <summary>
/// The exchange's REST trade endpoint (PROTOCOL.md §4.4) as a Refit interface, implemented at build time: one protocol
/// message per POST, already serialized by the protocol codec. The answer comes back raw, so its envelope's
/// <c>Status</c> and the HTTP status of a refusal are read by <see cref="Trade.TapiEnvelope"/>, not by Refit.
/// </summary>
internal interface ITapiApi
{
    [Post("/tapi/v1/message")]
    Task<HttpResponseMessage> SendAsync([Body] HttpContent message, [Property("BlinkTrade.ApiKeys.SafeToRepeat")] bool safeToRepeat,
        CancellationToken cancellationToken);
}
