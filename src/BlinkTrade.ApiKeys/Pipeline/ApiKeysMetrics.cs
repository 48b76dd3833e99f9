using System.Diagnostics.Metrics;
using BlinkTrade.Client.Internal.Telemetry;
using System.Runtime.CompilerServices;

namespace BlinkTrade.ApiKeys.Pipeline;

/// <summary>
/// What the HTTP client's own metrics (<c>System.Net.Http</c>, from the framework) cannot tell: why this package
/// retried, how long it waited for the server's rate limit, and the weight the server reports used. One meter named
/// <see cref="MeterName"/>, from <see cref="ApiKeysClientOptions.MeterFactory"/> when set (DI sets it), else a meter
/// of the options' own, released when the client that built it is disposed.
/// </summary>
internal sealed class ApiKeysMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "BlinkTrade.ApiKeys";

    private static readonly ConditionalWeakTable<ApiKeysClientOptions, ApiKeysMetrics> ByOptions = new();

    private readonly OwnedMeter _owned;
    private readonly Meter _meter;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _rateLimitWait;
    private readonly Histogram<int> _usedWeight;

    private ApiKeysMetrics(IMeterFactory? factory)
    {
        _owned = new OwnedMeter(factory, MeterName);
        _meter = _owned.Meter;
        _retries = _meter.CreateCounter<long>("blinktrade.apikeys.retries", "{retry}",
            "Requests sent again, by blinktrade.retry.cause: rate_limited (429), invalid_nonce (401, re-signed), server_error (5xx), timeout, transport, or http_<status>.");
        _rateLimitWait = _meter.CreateHistogram<double>("blinktrade.apikeys.rate_limit.wait", "s", "How long a rate-limited (429) request waited (Retry-After) before it was sent again.");
        _usedWeight = _meter.CreateHistogram<int>("blinktrade.apikeys.used_weight", "{weight}", "The rate-limit weight the server reports used in the current minute (X-USED-WEIGHT-1M), per answer that carries it.");
    }

    /// <summary>The instruments of the clients built on <paramref name="options"/>.</summary>
    public static ApiKeysMetrics Of(ApiKeysClientOptions options) => ByOptions.GetValue(options, static o => new ApiKeysMetrics(o.MeterFactory));

    /// <summary>Releases the meter <paramref name="options"/>' clients created for themselves (a factory's meters are the factory's).</summary>
    public static void Release(ApiKeysClientOptions options)
    {
        if (ByOptions.TryGetValue(options, out var metrics))
        {
            ByOptions.Remove(options);
            metrics.Dispose();
        }
    }

    public void Retry(string cause, TimeSpan delay)
    {
        _retries.AddTagged(1, "blinktrade.retry.cause", cause);
        if (cause == "rate_limited")
        {
            _rateLimitWait.Record(delay.TotalSeconds);
        }
    }

    public void UsedWeight(int weight) => _usedWeight.Record(weight);

    public void Dispose() => _owned.Dispose();
}
