namespace BlinkTrade.ApiKeys;

/// <summary>
/// The API key and signing secret a client signs with. The secret can be replaced in place (after
/// regenerate-secret) without rebuilding the client; it never appears in <see cref="ToString"/>.
/// </summary>
public sealed class ApiKeysCredential
{
    private volatile Pair _pair;
    private long _lastTimestamp;

    /// <summary>Creates a credential.</summary>
    /// <param name="apiKey">The public key string, sent in the key header.</param>
    /// <param name="secretKey">The HMAC-SHA256 signing secret.</param>
    public ApiKeysCredential(string apiKey, string secretKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretKey);
        _pair = new Pair(apiKey, secretKey);
    }

    /// <summary>The public key string.</summary>
    public string ApiKey => _pair.ApiKey;

    /// <summary>Replaces the key and secret atomically; requests signed afterwards use the new pair.</summary>
    /// <param name="apiKey">The public key string.</param>
    /// <param name="secretKey">The signing secret.</param>
    public void Update(string apiKey, string secretKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretKey);
        _pair = new Pair(apiKey, secretKey);
    }

    // The server refuses a signature it has already accepted (-1099, APIKEYS-REST.md "replay"), and the signature covers
    // the query and body but not the path: two identical calls signed in the same millisecond (a tight loop, a frozen
    // test clock) would collide. Timestamps are therefore strictly increasing per credential: max(now, last + 1).
    internal long NextTimestamp(long nowMilliseconds)
    {
        while (true)
        {
            var last = Volatile.Read(ref _lastTimestamp);
            var next = Math.Max(nowMilliseconds, last + 1);
            if (Interlocked.CompareExchange(ref _lastTimestamp, next, last) == last)
            {
                return next;
            }
        }
    }

    // The REST trade endpoint refuses a nonce not above the last one it saw for the key, so nonces must reach it in the
    // order they were drawn: a call draws its nonce and is sent under this gate. It belongs to the credential, not to a
    // handler, so every client signing with this credential — a second client, or IHttpClientFactory's next handler
    // chain after a rotation — waits its turn instead of racing (RestSoak: a client sharing the credential had 4
    // refusals in a row under network jitter and surfaced "Invalid nonce"). Never disposed: no wait handle is used.
    internal SemaphoreSlim SendGate { get; } = new(1, 1);

    // Key and secret are read together so a concurrent Update never yields a mixed pair.
    internal (string ApiKey, string SecretKey) Read()
    {
        var pair = _pair;
        return (pair.ApiKey, pair.SecretKey);
    }

    /// <summary>Shows the key, never the secret.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() => $"ApiKeysCredential {{ ApiKey = {ApiKey}, SecretKey = *** }}";

    // A class, not a record: a record's generated ToString would print the secret.
    private sealed class Pair(string apiKey, string secretKey)
    {
        public string ApiKey { get; } = apiKey;

        public string SecretKey { get; } = secretKey;
    }
}
