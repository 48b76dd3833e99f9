using BlinkTrade.ApiKeys;
using BlinkTrade.EndToEnd.Tests.Support;
using BlinkTrade.Testing;
using BlinkTrade.Testing.ApiKeys;
using BlinkTrade.Testing.Hosting.Rest;
using Microsoft.Extensions.Time.Testing;

namespace BlinkTrade.EndToEnd.Tests;

/// <summary>
/// Issue 12 (item 4): the REST host refuses a replayed signed POST (-1099), and the ApiKeysClient's own retries never
/// trip that rule, because it signs every attempt afresh. Public client API only, over loopback Kestrel.
/// </summary>
public sealed class RestReplayTests
{
    [Fact]
    public async Task A_post_the_client_retries_after_429_is_executed_once_and_never_refused_as_a_replay()
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions { TimeProvider = clock, PasswordHashIterations = 1000 }, ct);
        await exchange.CreateBrokerAsync(5, "exchange", cancellationToken: ct);
        var alice = await exchange.CreateUserAsync("alice", "alice-pw-1", 5, cancellationToken: ct);
        var manager = exchange.ApiKeys.Seed(new ApiKeyOwner(5, alice), label: "manager");
        // One create (weight 10) per minute: the second create is rate limited (429 + Retry-After) and retried by the client.
        await using var server = await ApiKeysRestServer.StartAsync(exchange.ApiKeys, new ApiKeysRestOptions { TimeProvider = clock, WeightLimitPerMinute = 10 }, cancellationToken: ct);
        var client = new ApiKeysClient(new ApiKeysClientOptions
        {
            Endpoint = server.BaseAddress,
            Credential = new ApiKeysCredential(manager.Entry.ApiKey, manager.SecretKey),
            TimeProvider = clock,
            MaxRetries = 2,
            AttemptTimeout = TimeSpan.FromHours(1),   // the test moves the clock in big steps
        });

        var first = await client.CreateApiKeyAsync(ApiKeyPermissions.Account, "first", cancellationToken: ct);
        var second = client.CreateApiKeyAsync(ApiKeyPermissions.Account, "second", cancellationToken: ct);
        // The client waits Retry-After on its clock: move the shared clock until the retry has gone through.
        while (!second.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5, ct);
        }
        var created = (await second).Value;

        Assert.Equal("second", created.Label);
        Assert.Equal(3, server.Faults.RequestCount("create"));   // the first create, the second's 429, its retry
        Assert.Equal(3, exchange.ApiKeys.List(new ApiKeyOwner(5, alice), null, 1, 100).Total);   // manager + first + second, no duplicate
        Assert.NotEqual(first.Value.ApiKey, created.ApiKey);
    }

    [Fact]
    public async Task A_get_the_client_retries_after_a_server_error_succeeds_and_a_raw_replay_of_a_post_is_refused()
    {
        using var cts = Wait.Budget(60);
        var ct = cts.Token;
        await using var exchange = await ReferenceExchange.StartAsync(new ReferenceExchangeOptions { PasswordHashIterations = 1000 }, ct);
        await exchange.CreateBrokerAsync(5, "exchange", cancellationToken: ct);
        var alice = await exchange.CreateUserAsync("alice", "alice-pw-1", 5, cancellationToken: ct);
        var manager = exchange.ApiKeys.Seed(new ApiKeyOwner(5, alice), label: "manager");
        await using var server = await ApiKeysRestServer.StartAsync(exchange.ApiKeys, cancellationToken: ct);
        var client = new ApiKeysClient(new ApiKeysClientOptions
        {
            Endpoint = server.BaseAddress,
            Credential = new ApiKeysCredential(manager.Entry.ApiKey, manager.SecretKey),
            MaxRetries = 3,
            RetryDelay = TimeSpan.FromMilliseconds(20),
        });

        // Executed, then answered 503: a GET is retried (re-signed) and answered.
        server.Faults.FailNext(2, 503, "status", afterExecution: true);
        var status = await client.GetStatusAsync(ApiKeyReference.ByKey(manager.Entry.ApiKey), ct);
        Assert.True(status.Value.IsUsable);
        Assert.Equal(3, server.Faults.RequestCount("status"));

        // The client's POSTs in a row each carry their own signature; the same bytes sent again by someone else do not run.
        var revoke = exchange.ApiKeys.Seed(new ApiKeyOwner(5, alice), label: "victim");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var payload = $"apiKey={revoke.Entry.ApiKey}&timestamp={timestamp}";
        var body = payload + "&signature=" + ApiKeysSignature.Compute(manager.SecretKey, payload);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        async Task<int> SendRawAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/apikey/revoke") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
            request.Headers.Add("X-API-KEY", manager.Entry.ApiKey);
            using var response = await http.SendAsync(request, ct);
            return (int)response.StatusCode;
        }
        Assert.Equal(200, await SendRawAsync());
        Assert.Equal(400, await SendRawAsync());
        for (var i = 0; i < 3; i++)
        {
            var created = await client.CreateApiKeyAsync(ApiKeyPermissions.Account, "bot" + i, cancellationToken: ct);
            Assert.Equal("bot" + i, created.Value.Label);
        }
    }
}
