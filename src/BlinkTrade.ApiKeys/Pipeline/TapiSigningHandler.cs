using System.Globalization;

namespace BlinkTrade.ApiKeys.Pipeline;

/// <summary>
/// Signs every attempt of a REST trade call (PROTOCOL.md §4.4): <c>APIKey</c>, a fresh <c>Nonce</c> and
/// <c>Signature</c> = hex HMAC-SHA256(APISecret, nonce). It sits inside the retry handler, so a retry carries a new nonce.
/// </summary>
/// <remarks>
/// The exchange refuses a nonce not above the last one it accepted for the key, so nonces must reach it in the order
/// they were drawn: the handler draws the nonce and sends under the credential's gate, one call at a time for every
/// client signing with that <see cref="ApiKeysCredential"/>. Two calls sent at once on separate connections could
/// otherwise arrive swapped and the later-drawn one be refused. A refusal that still happens (another process, or
/// another credential object, using the same key) is retried with a new nonce by the resilience pipeline.
/// </remarks>
internal sealed class TapiSigningHandler(ApiKeysCredential credential, TimeProvider timeProvider) : DelegatingHandler
{
    internal const string ApiKeyHeader = "APIKey";
    internal const string NonceHeader = "Nonce";
    internal const string SignatureHeader = "Signature";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await credential.SendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (apiKey, secret) = credential.Read();
            // Strictly increasing per credential, shared by every client using it: max(now in ms, last + 1).
            var nonce = credential.NextTimestamp(timeProvider.GetUtcNow().ToUnixTimeMilliseconds()).ToString(CultureInfo.InvariantCulture);
            request.Headers.Remove(ApiKeyHeader);
            request.Headers.Remove(NonceHeader);
            request.Headers.Remove(SignatureHeader);
            request.Headers.TryAddWithoutValidation(ApiKeyHeader, apiKey);
            request.Headers.TryAddWithoutValidation(NonceHeader, nonce);
            request.Headers.TryAddWithoutValidation(SignatureHeader, ApiKeysSignature.Compute(secret, nonce));
            request.Options.Set(ApiKeysResilience.NonceSigned, true);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            credential.SendGate.Release();
        }
    }
}
