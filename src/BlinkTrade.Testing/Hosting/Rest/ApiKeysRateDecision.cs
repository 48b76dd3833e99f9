namespace BlinkTrade.Testing.Hosting.Rest;

/// <summary>What the rate limiter decided for one request.</summary>
/// <param name="StatusCode">200 when allowed, else 429 or 418.</param>
/// <param name="UsedWeight">The weight the IP has used in the current minute (the <c>X-USED-WEIGHT-1M</c> value).</param>
/// <param name="RetryAfter">For 429/418: how long to wait.</param>
public readonly record struct ApiKeysRateDecision(int StatusCode, int UsedWeight, TimeSpan? RetryAfter)
{
    /// <summary>Whether the request may proceed.</summary>
    public bool Allowed => StatusCode == 200;
}
