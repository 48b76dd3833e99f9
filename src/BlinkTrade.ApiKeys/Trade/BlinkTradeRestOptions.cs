namespace BlinkTrade.ApiKeys;

/// <summary>
/// Settings of <see cref="BlinkTradeRestClient"/> (the REST trade endpoint, PROTOCOL.md §4.4) and
/// <see cref="BlinkTradeMarketDataClient"/> (the public market data, §2.11): where to connect, how to sign, how to retry.
/// </summary>
public sealed class BlinkTradeRestOptions
{
    /// <summary>The exchange's REST base address (scheme, host, port, optional path); the clients add <c>tapi/v1/message</c> or <c>api/v1/…</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The API key and its secret (the APISecret, not the APIPassword); required by <see cref="BlinkTradeRestClient"/> only.</summary>
    public ApiKeysCredential? Credential { get; set; }

    /// <summary>How many times a retryable failure is retried (not counting the first attempt).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off delay before a retry (doubles each retry).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest <c>Retry-After</c> the client waits on a 429; a longer one surfaces as an error at once.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The time limit of one attempt; <see cref="Timeout.InfiniteTimeSpan"/> disables it.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many pages of the order list (U4, newest first) an order of unknown outcome is looked for in (default 5).</summary>
    public int OrderResolutionPages { get; set; } = 5;

    /// <summary>The clock of nonces, retry delays and timeouts (swap it in tests).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    // The shared HTTP stack (ApiKeysResilience, ApiKeysHandlerChain) reads its settings from ApiKeysClientOptions; the
    // same values, validated by the same rules.
    internal ApiKeysClientOptions ToPipelineOptions(bool requireCredential)
    {
        var pipeline = new ApiKeysClientOptions
        {
            Endpoint = Endpoint,
            // The management client's rules require a credential; the public market data has none to give.
            Credential = Credential ?? (requireCredential ? null : PublicOnly),
            MaxRetries = MaxRetries,
            RetryDelay = RetryDelay,
            MaxRetryAfter = MaxRetryAfter,
            AttemptTimeout = AttemptTimeout,
            TimeProvider = TimeProvider,
        };
        pipeline.Validate();
        if (OrderResolutionPages < 0)
        {
            throw new InvalidOperationException($"{nameof(BlinkTradeRestOptions)}.{nameof(OrderResolutionPages)} must be >= 0.");
        }
        return pipeline;
    }

    private static readonly ApiKeysCredential PublicOnly = new("public", "none");
}
