using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace BlinkTrade.ApiKeys.Pipeline;

/// <summary>
/// The contract's client retry policy as a Polly.Core pipeline: 429 waits <c>Retry-After</c> (capped) and retries
/// any method, because a rate-limited request was not executed; 418 is never retried; 5xx, attempt timeouts and
/// transport errors are retried for GET only, because a POST with an unknown outcome must be resolved by a query,
/// not sent again.
/// </summary>
internal sealed class ApiKeysResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> s_request = new("BlinkTrade.ApiKeys.Request");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ApiKeysClientOptions _options;
    private readonly ILogger _logger;

    public ApiKeysResilienceHandler(ApiKeysClientOptions options, ILogger? logger)
    {
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.RetryDelay,
                // Deterministic delays: tests drive them with a manual clock.
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfterOf(args.Outcome.Result)),
                OnRetry = OnRetryAsync,
            });
        }
        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.AttemptTimeout);
        }
        _pipeline = builder.Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(s_request, request);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<HttpResponseMessage>(state.Handler.SendInner(state.Request, ctx.CancellationToken)),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // The body is buffered inside the attempt: a stalled or broken body is then covered by the attempt timeout and
    // the retry rules, instead of failing later in HttpClient outside the pipeline.
    private async Task<HttpResponseMessage> SendInner(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is not OperationCanceledException)
        {
            // Some transports report an abort caused by our token as an I/O error; report it as the cancellation it is,
            // so Polly tells an attempt timeout (TimeoutRejectedException) from the caller's own cancellation.
            response?.Dispose();
            throw new OperationCanceledException("The attempt was cancelled.", exception, cancellationToken);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var isGet = context.Properties.TryGetValue(s_request, out var request) && request.Method == HttpMethod.Get;
        if (outcome.Exception is { } exception)
        {
            if (context.CancellationToken.IsCancellationRequested)
            {
                return false;
            }
            return isGet && exception is HttpRequestException or TimeoutRejectedException;
        }
        var response = outcome.Result!;
        return (int)response.StatusCode switch
        {
            429 => RetryAfterOf(response) is not { } wait || wait <= _options.MaxRetryAfter,
            418 => false,
            >= 500 => isGet,
            _ => false,
        };
    }

    // For 429 (and only 429) the server's Retry-After decides the delay; null lets Polly's back-off decide.
    private TimeSpan? RetryAfterOf(HttpResponseMessage? response)
    {
        if (response is null || response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return null;
        }
        return ReadRetryAfter(response, _options.TimeProvider);
    }

    internal static TimeSpan? ReadRetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
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

    private ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> args)
    {
        var method = "?";
        var path = "?";
        if (args.Context.Properties.TryGetValue(s_request, out var request))
        {
            method = request.Method.Method;
            path = request.RequestUri?.AbsolutePath ?? "?";
        }
        var reason = args.Outcome.Exception is { } e ? e.GetType().Name : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
        ApiKeysLog.Retrying(_logger, method, path, args.AttemptNumber + 1, reason, args.RetryDelay);
        // The discarded answer is ours to dispose; the retry gets a new one.
        args.Outcome.Result?.Dispose();
        return ValueTask.CompletedTask;
    }
}
