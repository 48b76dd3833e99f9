using System.Diagnostics.Metrics;
using System.Web;
using BlinkTrade.ApiKeys.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using WireMock.ResponseBuilders;

namespace BlinkTrade.ApiKeys.Tests.WireMock;

/// <summary>
/// The contract's retry policy against answers scripted with WireMock.Net: sequences a stateful server does not give
/// on demand (5xx then success, 429 with no or a huge Retry-After, 418 on the first call).
/// </summary>
public sealed class ScriptedRetryTests
{
    private static readonly ApiKeyReference Key = ApiKeyReference.ById("7");

    [Fact]
    public async Task A_get_that_got_503_is_retried_and_succeeds_re_signed()
    {
        using var api = ScriptedApi.Start();
        api.FirstThen(ScriptedApi.StatusPath, ScriptedApi.Error(503, -1000, "Internal error"), ScriptedApi.Json(200, ScriptedApi.StatusJson));
        var client = api.CreateClient();

        var status = await api.AdvanceUntilDoneAsync(client.GetStatusAsync(Key), TimeSpan.FromMilliseconds(250));

        Assert.True(status.Value.IsUsable);
        Assert.Equal("7", status.Value.ApiId);
        var requests = api.Requests(ScriptedApi.StatusPath);
        Assert.Equal(2, requests.Count);
        // Both attempts carry the key header and their own timestamp and signature (the retry was re-signed).
        var first = HttpUtility.ParseQueryString(new Uri(requests[0].RequestMessage.Url).Query);
        var second = HttpUtility.ParseQueryString(new Uri(requests[1].RequestMessage.Url).Query);
        Assert.Equal("7", second["apiId"]);
        Assert.NotEqual(first["timestamp"], second["timestamp"]);
        Assert.NotEqual(first["signature"], second["signature"]);
        Assert.All(requests, r => Assert.Equal("key-7", r.RequestMessage.Headers!["X-API-KEY"].Single()));
    }

    [Fact]
    public async Task A_post_that_got_503_is_not_resent_even_if_the_next_answer_would_succeed()
    {
        using var api = ScriptedApi.Start();
        api.FirstThen(ScriptedApi.CreatePath, ScriptedApi.Error(503, -1000, "Internal error"), ScriptedApi.Json(200, ScriptedApi.CreatedJson));
        var client = api.CreateClient(o => o.RetryDelay = TimeSpan.Zero);

        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.CreateApiKeyAsync(ApiKeyPermissions.Account, "bot"));

        Assert.Equal((503, -1000), (error.Status, error.ErrorCode));
        Assert.True(error.IsOutcomeUnknown);
        var request = Assert.Single(api.Requests(ScriptedApi.CreatePath));
        // The parameters travelled in a form body.
        Assert.Equal("application/x-www-form-urlencoded", request.RequestMessage.Headers!["Content-Type"].Single().Split(';')[0]);
        Assert.Contains("label=bot", request.RequestMessage.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_with_retry_after_waits_that_long_on_the_clients_clock_then_retries()
    {
        using var api = ScriptedApi.Start();
        api.FirstThen(ScriptedApi.StatusPath, ScriptedApi.Error(429, -1003, "Too many requests", retryAfter: "30"), ScriptedApi.Json(200, ScriptedApi.StatusJson));
        var client = api.CreateClient();
        var started = api.Clock.GetUtcNow();

        var status = await api.AdvanceUntilDoneAsync(client.GetStatusAsync(Key), TimeSpan.FromSeconds(1));

        Assert.True(status.Value.IsUsable);
        Assert.Equal(2, api.Requests(ScriptedApi.StatusPath).Count);
        // The retry's timer could only fire once the client's clock had passed the 30 s the server asked for.
        Assert.True(api.Clock.GetUtcNow() - started >= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_429_with_a_retry_after_date_is_read_on_the_clients_clock()
    {
        using var api = ScriptedApi.Start();
        // The client's clock runs a day or two ahead of the real one: read on the system clock, the date would be that far away,
        // beyond the cap, and the 429 would surface instead of being retried.
        api.Clock.SetUtcNow(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(2), TimeSpan.Zero));
        var until = api.Clock.GetUtcNow().AddSeconds(20).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        api.FirstThen(ScriptedApi.StatusPath, ScriptedApi.Error(429, -1003, "Too many requests", retryAfter: until), ScriptedApi.Json(200, ScriptedApi.StatusJson));
        var client = api.CreateClient(o => o.MaxRetryAfter = TimeSpan.FromSeconds(60));
        var started = api.Clock.GetUtcNow();

        var status = await api.AdvanceUntilDoneAsync(client.GetStatusAsync(Key), TimeSpan.FromSeconds(1));

        Assert.True(status.Value.IsUsable);
        Assert.Equal(2, api.Requests(ScriptedApi.StatusPath).Count);
        Assert.True(api.Clock.GetUtcNow() - started >= TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_429_without_retry_after_backs_off_and_retries_a_post()
    {
        using var api = ScriptedApi.Start();
        api.FirstThen(ScriptedApi.CreatePath, ScriptedApi.Error(429, -1003, "Too many requests"), ScriptedApi.Json(200, ScriptedApi.CreatedJson));
        var client = api.CreateClient(o => o.RetryDelay = TimeSpan.FromSeconds(2));
        var started = api.Clock.GetUtcNow();

        var created = await api.AdvanceUntilDoneAsync(client.CreateApiKeyAsync(ApiKeyPermissions.Account, "bot"), TimeSpan.FromMilliseconds(500));

        // Rate-limited means not executed, so even a POST goes again, after the configured back-off.
        Assert.Equal("secret-8", created.Value.SecretKey);
        Assert.Equal(2, api.Requests(ScriptedApi.CreatePath).Count);
        Assert.True(api.Clock.GetUtcNow() - started >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_429_with_a_huge_retry_after_surfaces_at_once()
    {
        using var api = ScriptedApi.Start();
        api.Always(ScriptedApi.StatusPath, ScriptedApi.Error(429, -1003, "Too many requests", retryAfter: "86400"));
        var client = api.CreateClient();

        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.GetStatusAsync(Key));

        Assert.Equal((429, -1003), (error.Status, error.ErrorCode));
        Assert.Equal(TimeSpan.FromDays(1), error.RetryAfter);
        Assert.Single(api.Requests(ScriptedApi.StatusPath));
    }

    [Fact]
    public async Task A_418_is_never_retried_and_surfaces_its_retry_after()
    {
        using var api = ScriptedApi.Start();
        api.FirstThen(ScriptedApi.StatusPath, ScriptedApi.Error(418, -1003, "Banned", retryAfter: "120"), ScriptedApi.Json(200, ScriptedApi.StatusJson));
        var client = api.CreateClient(o => o.MaxRetries = 5);

        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.GetStatusAsync(Key));

        Assert.Equal((418, -1003), (error.Status, error.ErrorCode));
        Assert.Equal(TimeSpan.FromMinutes(2), error.RetryAfter);
        Assert.Single(api.Requests(ScriptedApi.StatusPath));
    }

    [Fact]
    public async Task A_get_that_keeps_failing_gives_up_after_max_retries_with_the_last_answer()
    {
        using var api = ScriptedApi.Start();
        api.Always(ScriptedApi.StatusPath, Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html")
            .WithBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));
        var client = api.CreateClient(o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => api.AdvanceUntilDoneAsync(client.GetStatusAsync(Key), TimeSpan.FromSeconds(1)));

        // A proxy's HTML page: the status and reason phrase, no code and none of the page.
        Assert.Equal(502, error.Status);
        Assert.Null(error.ErrorCode);
        Assert.Equal("Bad Gateway", error.ServerMessage);
        Assert.DoesNotContain("<html>", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, api.Requests(ScriptedApi.StatusPath).Count);
    }

    [Fact]
    public async Task Retries_are_counted_by_cause_with_the_rate_limit_wait_and_the_reported_weight()
    {
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var retries = new MetricCollector<long>(meters, "BlinkTrade.ApiKeys", "blinktrade.apikeys.retries");
        using var waits = new MetricCollector<double>(meters, "BlinkTrade.ApiKeys", "blinktrade.apikeys.rate_limit.wait");
        using var weights = new MetricCollector<int>(meters, "BlinkTrade.ApiKeys", "blinktrade.apikeys.used_weight");
        using var api = ScriptedApi.Start();
        api.FirstThen(ScriptedApi.StatusPath, ScriptedApi.Error(429, -1003, "Too many requests", retryAfter: "30"),
            ScriptedApi.Json(200, ScriptedApi.StatusJson).WithHeader("X-USED-WEIGHT-1M", "42"));
        using var client = api.CreateClient(o => o.MeterFactory = meters);

        await api.AdvanceUntilDoneAsync(client.GetStatusAsync(Key), TimeSpan.FromSeconds(1));

        var retry = Assert.Single(retries.GetMeasurementSnapshot());
        Assert.Equal("rate_limited", retry.Tags["blinktrade.retry.cause"]);
        Assert.Equal(30, Assert.Single(waits.GetMeasurementSnapshot()).Value);
        Assert.Equal(42, Assert.Single(weights.GetMeasurementSnapshot()).Value);

        api.FirstThen(ScriptedApi.StatusPath, ScriptedApi.Error(503, -1000, "Internal error"), ScriptedApi.Json(200, ScriptedApi.StatusJson));
        await api.AdvanceUntilDoneAsync(client.GetStatusAsync(Key), TimeSpan.FromMilliseconds(250));
        Assert.Equal(["rate_limited", "server_error"], retries.GetMeasurementSnapshot().Select(m => (string?)m.Tags["blinktrade.retry.cause"]));
        Assert.Single(waits.GetMeasurementSnapshot()); // a 5xx retry is no rate-limit wait
    }
}
