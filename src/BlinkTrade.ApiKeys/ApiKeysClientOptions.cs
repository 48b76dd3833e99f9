namespace BlinkTrade.ApiKeys;

/// <summary>Settings of <see cref="ApiKeysClient"/>: where to connect, how to sign, how to retry.</summary>
public class ApiKeysClientOptions
{
    /// <summary>The default key header, <c>X-API-KEY</c>.</summary>
    public const string DefaultApiKeyHeaderName = "X-API-KEY";

    /// <summary>The server's base address (scheme, host, port); the client adds <c>/api/v1/apikey/...</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The key and secret requests are signed with.</summary>
    public ApiKeysCredential? Credential { get; set; }

    /// <summary>The header carrying the API key (default <c>X-API-KEY</c>).</summary>
    public string ApiKeyHeaderName { get; set; } = DefaultApiKeyHeaderName;

    /// <summary>The signed <c>recvWindow</c>: how long after <c>timestamp</c> the server may still accept the request (max 60 s).</summary>
    public TimeSpan RecvWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times a retryable failure is retried (not counting the first attempt).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off delay for 5xx / transport retries of GET requests (doubles each retry).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest <c>Retry-After</c> the client waits on a 429; a longer one surfaces as an error at once.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The time limit of one attempt; <see cref="Timeout.InfiniteTimeSpan"/> disables it.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The page size <see cref="ApiKeysClient.GetApiKeysAsync"/> asks for (1..100).</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>The clock used for <c>timestamp</c> and for retry delays (swap it in tests).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the package's meter (<c>BlinkTrade.ApiKeys</c>: retries by cause, rate-limit waits, used weight)
    /// comes from; the container's when registered through DI. When <see langword="null"/> the client owns a meter of its
    /// own, still found by name (OpenTelemetry's <c>AddMeter</c>, <c>dotnet-counters</c>).</summary>
    public System.Diagnostics.Metrics.IMeterFactory? MeterFactory { get; set; }

    internal void Validate()
    {
        if (Endpoint is null)
        {
            throw new InvalidOperationException($"{GetType().Name}.{nameof(Endpoint)} is required.");
        }
        if (Credential is null)
        {
            throw new InvalidOperationException($"{GetType().Name}.{nameof(Credential)} is required.");
        }
        if (string.IsNullOrWhiteSpace(ApiKeyHeaderName))
        {
            throw new InvalidOperationException($"{GetType().Name}.{nameof(ApiKeyHeaderName)} is required.");
        }
        if (RecvWindow <= TimeSpan.Zero || RecvWindow > TimeSpan.FromSeconds(60))
        {
            throw new InvalidOperationException($"{GetType().Name}.{nameof(RecvWindow)} must be in (0, 60 s].");
        }
        if (AttemptTimeout != Timeout.InfiniteTimeSpan && (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromDays(1)))
        {
            // Polly's own bounds for a timeout strategy.
            throw new InvalidOperationException($"{GetType().Name}.{nameof(AttemptTimeout)} must be infinite or within [10 ms, 1 day].");
        }
        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromDays(1) || MaxRetryAfter < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{GetType().Name}: {nameof(RetryDelay)} must be within [0, 1 day] and {nameof(MaxRetryAfter)} non-negative.");
        }
        if (TimeProvider is null)
        {
            throw new InvalidOperationException($"{GetType().Name}.{nameof(TimeProvider)} is required.");
        }
        if (MaxRetries < 0 || PageSize is < 1 or > 100)
        {
            throw new InvalidOperationException($"{GetType().Name}: {nameof(MaxRetries)} must be >= 0 and {nameof(PageSize)} in 1..100.");
        }
    }
}
