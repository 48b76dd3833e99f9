using System.Web;
using BlinkTrade.ApiKeys.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.ApiKeys.Tests.EndToEnd;

/// <summary>The contract's client retry policy, against the real host with injected faults.</summary>
public sealed class RetryTests
{
    [Theory]
    [InlineData(HostKind.TestServer)]
    [InlineData(HostKind.Kestrel)]
    public async Task A_get_is_retried_after_503_and_succeeds(HostKind kind)
    {
        await using var exchange = await TestExchange.StartAsync(kind);
        exchange.Faults.FailNext(2, 503, "status");
        var client = exchange.CreateClient();
        var status = await client.GetStatusAsync(ApiKeyReference.ById(exchange.User.Entry.ApiId));
        Assert.True(status.Value.IsUsable);
        Assert.Equal(3, exchange.Faults.RequestCount("status"));
    }

    [Theory]
    [InlineData(HostKind.TestServer)]
    [InlineData(HostKind.Kestrel)]
    public async Task A_post_that_got_500_is_not_repeated(HostKind kind)
    {
        await using var exchange = await TestExchange.StartAsync(kind);
        // The server executes the create, then the answer is lost as a 500: the outcome is unknown to the client.
        exchange.Faults.FailNext(1, 500, "create", afterExecution: true);
        var client = exchange.CreateClient();
        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.CreateApiKeyAsync(label: "once"));
        Assert.Equal((500, -1000), (error.Status, error.ErrorCode));
        Assert.True(error.IsOutcomeUnknown);
        Assert.Equal(1, exchange.Faults.RequestCount("create"));

        // Resolved by a query, not by sending it again: exactly one key with that label exists.
        var labelled = new List<ApiKeyInfo>();
        await foreach (var key in client.GetApiKeysAsync())
        {
            if (key.Label == "once")
            {
                labelled.Add(key);
            }
        }
        Assert.Single(labelled);
    }

    [Theory]
    [InlineData(HostKind.TestServer)]
    [InlineData(HostKind.Kestrel)]
    public async Task Two_identical_posts_on_a_frozen_clock_are_both_accepted_not_refused_as_a_replay(HostKind kind)
    {
        // The clock does not move between the two calls, so without strictly increasing timestamps both would carry
        // the same signature and the second would be refused with -1099 (APIKEYS-REST.md "replay").
        await using var exchange = await TestExchange.StartAsync(kind, manualClock: true);
        var client = exchange.CreateClient();
        var first = await client.CreateApiKeyAsync(label: "twin");
        var second = await client.CreateApiKeyAsync(label: "twin");
        Assert.NotEqual(first.Value.ApiKey, second.Value.ApiKey);
    }

    [Fact]
    public async Task Gets_give_up_after_max_retries()
    {
        await using var exchange = await TestExchange.StartAsync();
        exchange.Faults.FailNext(10, 502, "list");
        var client = exchange.CreateClient(configure: o => o.MaxRetries = 2);
        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.GetApiKeysPageAsync());
        Assert.Equal(502, error.Status);
        Assert.Equal(3, exchange.Faults.RequestCount("list"));
    }

    [Fact]
    public async Task A_429_waits_retry_after_then_succeeds_with_a_fresh_signature()
    {
        await using var exchange = await TestExchange.StartAsync(manualClock: true, configure: o => o.WeightLimitPerMinute = 2);
        var recorder = new RecordingHandler(exchange.CreateTransport());
        var client = exchange.CreateClient(transport: recorder, configure: o => o.AttemptTimeout = Timeout.InfiniteTimeSpan);
        var id = ApiKeyReference.ById(exchange.User.Entry.ApiId);
        await client.GetStatusAsync(id);
        await client.GetStatusAsync(id);

        // Third call: 429 with Retry-After 60 s; the client waits on its clock, then retries in the next window.
        var started = exchange.Time.GetUtcNow();
        var call = client.GetStatusAsync(id);
        var status = await exchange.AdvanceUntilDoneAsync(call, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Assert.True(status.Value.IsUsable);
        Assert.Equal(1, status.UsedWeight1M);
        Assert.Equal(4, exchange.Faults.RequestCount("status"));
        Assert.True(exchange.Time.GetUtcNow() - started >= TimeSpan.FromSeconds(60));

        // The retry was re-signed: a new timestamp 60 s later (the old one would be outside recvWindow: -1021).
        var attempts = recorder.Attempts.Skip(2).ToArray();
        Assert.Equal(2, attempts.Length);
        var first = HttpUtility.ParseQueryString(attempts[0].Query);
        var second = HttpUtility.ParseQueryString(attempts[1].Query);
        // (The first attempt's timestamp may be a few ms past `started`: timestamps are strictly increasing per
        // credential, and this frozen clock signed two calls before it. The retry's is read from the clock after the wait.)
        Assert.True(long.Parse(second["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture)
            >= (started + TimeSpan.FromSeconds(60)).ToUnixTimeMilliseconds());
        Assert.True(long.Parse(first["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture)
            < started.ToUnixTimeMilliseconds() + 1_000);
        Assert.NotEqual(first["signature"], second["signature"]);
        Assert.Single(second.GetValues("timestamp")!);
        Assert.Single(second.GetValues("signature")!);
    }

    [Fact]
    public async Task A_429_post_is_retried_because_it_was_not_executed()
    {
        await using var exchange = await TestExchange.StartAsync(manualClock: true, configure: o => o.WeightLimitPerMinute = 10);
        var client = exchange.CreateClient(configure: o => o.AttemptTimeout = Timeout.InfiniteTimeSpan);
        await client.CreateApiKeyAsync(label: "first");
        var second = await exchange.AdvanceUntilDoneAsync(client.CreateApiKeyAsync(label: "second"), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Assert.Equal("second", second.Value.Label);
        Assert.Equal(3, exchange.Faults.RequestCount("create"));
    }

    [Fact]
    public async Task A_retry_after_beyond_the_cap_surfaces_at_once()
    {
        await using var exchange = await TestExchange.StartAsync(manualClock: true, configure: o => o.WeightLimitPerMinute = 1);
        var client = exchange.CreateClient(configure: o => o.MaxRetryAfter = TimeSpan.FromSeconds(10));
        var id = ApiKeyReference.ById(exchange.User.Entry.ApiId);
        await client.GetStatusAsync(id);
        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.GetStatusAsync(id));
        Assert.Equal(429, error.Status);
        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.Equal(2, exchange.Faults.RequestCount("status"));
    }

    [Fact]
    public async Task A_418_surfaces_immediately()
    {
        await using var exchange = await TestExchange.StartAsync(manualClock: true, configure: o => o.WeightLimitPerMinute = 1);
        var noRetry = exchange.CreateClient(configure: o => o.MaxRetries = 0);
        var id = ApiKeyReference.ById(exchange.User.Entry.ApiId);
        await noRetry.GetStatusAsync(id);
        Assert.Equal(429, (await Assert.ThrowsAsync<ApiKeysRequestException>(() => noRetry.GetStatusAsync(id))).Status);

        var retrying = exchange.CreateClient(configure: o => o.MaxRetries = 5);
        var banned = await Assert.ThrowsAsync<ApiKeysRequestException>(() => retrying.GetStatusAsync(id));
        Assert.Equal((418, -1003), (banned.Status, banned.ErrorCode));
        Assert.Equal(TimeSpan.FromMinutes(2), banned.RetryAfter);
        Assert.Equal(3, exchange.Faults.RequestCount("status"));
    }

    [Fact]
    public async Task Every_attempt_is_signed_afresh()
    {
        await using var exchange = await TestExchange.StartAsync(manualClock: true);
        exchange.Faults.FailNext(1, 503, "list");
        var recorder = new RecordingHandler(exchange.CreateTransport());
        var client = exchange.CreateClient(transport: recorder, configure: o =>
        {
            o.RetryDelay = TimeSpan.FromSeconds(1);
            o.AttemptTimeout = Timeout.InfiniteTimeSpan;
        });
        var page = await exchange.AdvanceUntilDoneAsync(client.GetApiKeysPageAsync(), TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1));
        Assert.Equal(1, page.Value.Total);
        Assert.Equal(2, recorder.Attempts.Count);
        var first = HttpUtility.ParseQueryString(recorder.Attempts[0].Query);
        var second = HttpUtility.ParseQueryString(recorder.Attempts[1].Query);
        Assert.NotEqual(first["timestamp"], second["timestamp"]);
        Assert.NotEqual(first["signature"], second["signature"]);
        Assert.Equal(first["page"], second["page"]);
    }

    [Fact]
    public async Task A_get_attempt_that_times_out_is_retried_but_a_post_is_not()
    {
        await using var exchange = await TestExchange.StartAsync(manualClock: true);
        var client = exchange.CreateClient(configure: o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
            // No back-off timer: after the timeout the retry goes out at once, so only the timeout needs the clock.
            o.RetryDelay = TimeSpan.Zero;
        });

        // The server stalls the first status request for 10 s on its clock; the client gives up after 2 s and retries.
        exchange.Faults.DelayNext(1, TimeSpan.FromSeconds(10), "status");
        var call = client.GetStatusAsync(ApiKeyReference.ById(exchange.User.Entry.ApiId));
        await TestExchange.WaitUntilAsync(() => exchange.Faults.RequestCount("status") == 1 && exchange.ArmedTimers >= 2);
        exchange.Clock!.Advance(TimeSpan.FromSeconds(2));
        var status = await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(status.Value.IsUsable);
        Assert.Equal(2, exchange.Faults.RequestCount("status"));

        exchange.Faults.DelayNext(1, TimeSpan.FromSeconds(10), "revoke");
        var revoke = client.RevokeAsync(ApiKeyReference.ById(exchange.User.Entry.ApiId));
        await TestExchange.WaitUntilAsync(() => exchange.Faults.RequestCount("revoke") == 1 && exchange.ArmedTimers >= 2);
        exchange.Clock.Advance(TimeSpan.FromSeconds(2));
        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => revoke.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, error.Status);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, exchange.Faults.RequestCount("revoke"));
    }

    [Fact]
    public async Task Transport_errors_are_retried_for_get_and_surface_without_secrets()
    {
        // Nothing listens on the port of a stopped server.
        Uri deadEndpoint;
        await using (var stopped = await TestExchange.StartAsync(HostKind.Kestrel))
        {
            deadEndpoint = stopped.BaseAddress;
        }
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        const string secret = "NeverLogMeNeverLogMeNeverLogMeNeverLogMeNeverLogMeNeverLogMe1234";
        var recorder = new RecordingHandler(new SocketsHttpHandler());
        var client = new ApiKeysClient(new ApiKeysClientOptions
        {
            Endpoint = deadEndpoint,
            Credential = new ApiKeysCredential(new string('K', 64), secret),
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetries = 2,
        }, recorder, loggerFactory);
        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.GetStatusAsync(ApiKeyReference.ById("1")));
        Assert.Equal(0, error.Status);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(3, recorder.Attempts.Count);

        var post = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.RevokeAsync(ApiKeyReference.ById("1")));
        Assert.Equal(0, post.Status);
        Assert.Equal(4, recorder.Attempts.Count);

        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, logs.AllText, StringComparison.Ordinal);
        Assert.Contains("Retrying", logs.AllText, StringComparison.Ordinal);
    }
}
