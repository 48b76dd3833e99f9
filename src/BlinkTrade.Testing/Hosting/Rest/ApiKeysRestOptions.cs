using Microsoft.AspNetCore.Http;

namespace BlinkTrade.Testing.Hosting.Rest;

/// <summary>Settings of the reference exchange's API-key REST endpoints.</summary>
public sealed class ApiKeysRestOptions
{
    /// <summary>The route prefix (default <c>/api/v1/apikey</c>).</summary>
    public string RoutePrefix { get; set; } = "/api/v1/apikey";

    /// <summary>The header carrying the API key (default <c>X-API-KEY</c>).</summary>
    public string ApiKeyHeaderName { get; set; } = "X-API-KEY";

    /// <summary>Request weight a client IP may use per minute (default 1200).</summary>
    public int WeightLimitPerMinute { get; set; } = 1200;

    /// <summary>How long an IP that keeps calling after a 429 is banned with 418 (default 2 minutes).</summary>
    public TimeSpan BanDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The <c>recvWindow</c> used when a request omits it (default 5000 ms).</summary>
    public long DefaultRecvWindowMs { get; set; } = 5000;

    /// <summary>The largest accepted <c>recvWindow</c> (default 60000 ms).</summary>
    public long MaxRecvWindowMs { get; set; } = 60_000;

    /// <summary>
    /// How many accepted POST signatures are remembered at once to refuse replays (default 100,000; an entry lives
    /// until its request's time window closes). When every entry is still live, further POSTs get 429 until one expires.
    /// </summary>
    public int ReplayCapacity { get; set; } = 100_000;

    /// <summary>The clock for timestamps and rate-limit windows; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// How the caller's IP is determined; by default the connection's remote address (127.0.0.1 when the transport
    /// has none, as with an in-memory test server). Never trust forwarded headers in production-like set-ups.
    /// </summary>
    public Func<HttpContext, string>? ClientIpResolver { get; set; }
}
