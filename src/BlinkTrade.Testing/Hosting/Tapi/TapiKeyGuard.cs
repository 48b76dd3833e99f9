using System.Collections.Concurrent;
using BlinkTrade.Testing.Gateway.Sessions;

namespace BlinkTrade.Testing.Hosting.Tapi;

/// <summary>
/// Per API key: the last accepted nonce (a nonce must be strictly greater, PROTOCOL.md §4.4) and the same sliding
/// one-second message limit a WebSocket session has (§1.1), checked together under the key's lock so parallel calls
/// with one key are ordered; and the key's turn (<see cref="WaitTurnAsync"/>), so that calls with one key run one at a
/// time in the order their nonces were accepted. Only keys whose signature verified get an entry, so the table is
/// bounded by the store.
/// </summary>
internal sealed class TapiKeyGuard(TimeProvider timeProvider, int maxMessagesPerSecond)
{
    private readonly ConcurrentDictionary<string, KeyState> _keys = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits until no other call with this key is being admitted or run, and holds the key until the returned handle is
    /// disposed. A caller whose call had an unknown outcome resolves it with a query carrying a larger nonce: that query
    /// must see the call's effect, or the call must be refused for its nonce afterwards — never run after the query.
    /// </summary>
    /// <returns>The key's turn; dispose it when the call has run.</returns>
    public async Task<IDisposable> WaitTurnAsync(string apiKey, CancellationToken cancellationToken)
    {
        var state = State(apiKey);
        await state.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(state.Turn);
    }

    /// <summary>Accepts a signed call's nonce and counts it against the key's rate limit.</summary>
    /// <returns>What the call may do.</returns>
    public TapiAdmission Admit(string apiKey, long nonce)
    {
        var state = State(apiKey);
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

    private KeyState State(string apiKey) => _keys.GetOrAdd(apiKey, _ => new KeyState(new SlidingWindowRateLimiter(timeProvider, maxMessagesPerSecond)));

    private sealed class Releaser(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }

    private sealed class KeyState(SlidingWindowRateLimiter limiter)
    {
        public SlidingWindowRateLimiter Limiter { get; } = limiter;

        // Never disposed: it lives as long as the key's entry, i.e. the exchange.
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public long LastNonce { get; set; }
    }
}
