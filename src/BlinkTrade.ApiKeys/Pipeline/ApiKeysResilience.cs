using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace BlinkTrade.ApiKeys.Pipeline;

/// <summary>
/// The contract's client retry policy (APIKEYS-REST.md, "Client retry policy") as a Microsoft.Extensions.Http.Resilience
/// pipeline: 429 waits <c>Retry-After</c> (capped) and retries any method, because a rate-limited request was not
/// executed; 418 is never retried; 5xx, 408, attempt timeouts and transport errors are retried for GET only, because a
/// POST with an unknown outcome must be resolved by a query, not sent again. The REST trade client adds two rules: a POST
/// marked <see cref="SafeToRepeat"/> (a read-only message) retries like a GET, and a 401 "Invalid nonce" to a
/// <see cref="NonceSigned"/> request is retried (re-signed with a new nonce), as it was not executed. Used by the <c>ResilienceHandler</c> that
/// <c>AddResilienceHandler</c> registers and by the one the DI-free constructors build, so both paths behave alike.
/// </summary>
/// <remarks>
/// What the package's ready-made settings could not express, and is therefore written here:
/// <see cref="HttpRetryStrategyOptions"/>' transient predicate retries every method (and
/// <c>DisableForUnsafeHttpMethods</c> would also stop the POST retry a 429 allows); its <c>ShouldRetryAfterHeader</c>
/// reads an HTTP-date <c>Retry-After</c> against the system clock rather than the client's
/// <see cref="ApiKeysClientOptions.TimeProvider"/>, honours the header on any status, and has no "longer than the cap:
/// surface it" rule.
/// </remarks>
internal static class ApiKeysResilience
{
    /// <summary>The name <c>AddResilienceHandler</c> registers the pipeline under (one per HTTP client).</summary>
    public const string PipelineName = "BlinkTrade.ApiKeys";

    /// <summary>Set on a request whose repetition cannot change anything (a query sent as POST): retried like a GET.</summary>
    public static readonly HttpRequestOptionsKey<bool> SafeToRepeat = new("BlinkTrade.ApiKeys.SafeToRepeat");

    /// <summary>Set by the REST trade signing handler: a 401 "Invalid nonce" answer to such a request is retried.</summary>
    public static readonly HttpRequestOptionsKey<bool> NonceSigned = new("BlinkTrade.ApiKeys.NonceSigned");

    private const string InvalidNonce = "Invalid nonce";

    public static ResiliencePipeline<HttpResponseMessage> Build(ApiKeysClientOptions options, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        Configure(builder, options, logger);
        return builder.Build();
    }

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ApiKeysClientOptions options, ILogger logger)
    {
        // Every delay and timeout runs on the client's clock (a FakeTimeProvider in tests).
        builder.TimeProvider = options.TimeProvider;
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.RetryDelay,
                // Deterministic delays: tests drive them with a fake clock.
                UseJitter = false,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context, options),
                DelayGenerator = args => ValueTask.FromResult(RetryAfterOf(args.Outcome.Result, options.TimeProvider)),
                OnRetry = args =>
                {
                    OnRetry(args, logger);
                    ApiKeysMetrics.Of(options).Retry(CauseOf(args.Outcome), args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }
        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout });
        }
    }

    /// <summary>The <c>Retry-After</c> delay of an answer: a delta as is, a date against <paramref name="timeProvider"/>.</summary>
    public static TimeSpan? ReadRetryAfter(HttpResponseHeaders headers, TimeProvider timeProvider)
    {
        var header = headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ApiKeysClientOptions options)
    {
        // A REST trade call refused for its nonce (another call with the key got ahead) was not executed: the retry is
        // signed with a new, larger nonce (PROTOCOL.md §4.4).
        if (outcome.Result is { StatusCode: HttpStatusCode.Unauthorized } refused && !context.CancellationToken.IsCancellationRequested
            && context.GetRequestMessage()?.Options.TryGetValue(NonceSigned, out var signed) == true && signed
            && (await refused.Content.ReadAsStringAsync(context.CancellationToken).ConfigureAwait(false)).Contains(InvalidNonce, StringComparison.Ordinal))
        {
            return true;
        }
        return ShouldRetry(outcome, context, options);
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ApiKeysClientOptions options)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            // The caller gave up: nothing to retry.
            return false;
        }
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } limited)
        {
            // Not executed, so any method may go again, unless the server asks for a longer wait than we accept.
            return RetryAfterOf(limited, options.TimeProvider) is not { } wait || wait <= options.MaxRetryAfter;
        }
        // 5xx, 408, HttpRequestException, attempt timeout: the package's transient classification, for GET only.
        // (418 and the other 4xx are not transient.)
        // A POST that only reads (a REST trade query such as U2 or U4) is marked safe to repeat by its sender.
        var request = context.GetRequestMessage();
        var safe = request?.Method == HttpMethod.Get || (request?.Options.TryGetValue(SafeToRepeat, out var repeatable) == true && repeatable);
        return safe && HttpClientResiliencePredicates.IsTransient(outcome);
    }

    // For 429 (and only 429) the server's Retry-After decides the delay; null lets the exponential back-off decide.
    private static TimeSpan? RetryAfterOf(HttpResponseMessage? response, TimeProvider timeProvider) =>
        response is { StatusCode: HttpStatusCode.TooManyRequests } ? ReadRetryAfter(response.Headers, timeProvider) : null;

    // The retry's cause as a low-cardinality tag (blinktrade.retry.cause).
    private static string CauseOf(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => "rate_limited",
        { Result.StatusCode: HttpStatusCode.Unauthorized } => "invalid_nonce",
        { Result: { } response } when (int)response.StatusCode >= 500 => "server_error",
        { Result: { } response } => "http_" + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        { Exception: Polly.Timeout.TimeoutRejectedException } => "timeout",
        _ => "transport",
    };

    private static void OnRetry(OnRetryArguments<HttpResponseMessage> args, ILogger logger)
    {
        var request = args.Context.GetRequestMessage();
        var reason = args.Outcome.Exception is { } e ? e.GetType().Name : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
        // The path only: the query carries the signature.
        ApiKeysLog.Retrying(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?", args.AttemptNumber + 1, reason, args.RetryDelay);
    }
}
