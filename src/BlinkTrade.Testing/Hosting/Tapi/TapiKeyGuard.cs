using System.Collections.Concurrent;
using BlinkTrade.Testing.Gateway.Sessions;

namespace BlinkTrade.Testing.Hosting.Tapi;

/// <summary>
/// Per API key: the last accepted nonce (a nonce must be strictly greater, PROTOCOL.md §4.4) and the same sliding
/// one-second message limit a WebSocket session has (§1.1), checked together under the key's lock so parallel calls
/// with one key are ordered. Only keys whose signature verified get an entry, so the table is bounded by the store.
/// </summary>
internal sealed class TapiKeyGuard(TimeProvider timeProvider, int maxMessagesPerSecond)
{
    private readonly ConcurrentDictionary<string, KeyState> _keys = new(StringComparer.Ordinal);

    /// <summary>Accepts a signed call's nonce and counts it against the key's rate limit.</summary>
    /// <returns>What the call may do.</returns>
    public TapiAdmission Admit(string apiKey, long nonce)
    {
        var state = _keys.GetOrAdd(apiKey, _ => new KeyState(new SlidingWindowRateLimiter(timeProvider, maxMessagesPerSecond)));
        lock (state)
        {
            if (nonce <= state.LastNonce)
            {
                return TapiAdmission.InvalidNonce;
            }
            // The nonce is spent even when the limit refuses the call: a signed request is never accepted twice.
            state.LastNonce = nonce;
            return state.Limiter.TryAcquire() ? TapiAdmission.Accepted : TapiAdmission.RateLimited;
        }
    }

    private sealed class KeyState(SlidingWindowRateLimiter limiter)
    {
        public SlidingWindowRateLimiter Limiter { get; } = limiter;

        public long LastNonce { get; set; }
    }
}
