using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BlinkTrade.ApiKeys;
using BlinkTrade.Testing.ApiKeys;
using BlinkTrade.Testing.Hosting.Rest;

namespace BlinkTrade.Testing.Tests.Gateway;

/// <summary>Issue 12 (item 4): the REST host refuses replayed signed POSTs and non-form bodies; key management needs All. Raw HTTP, no client library.</summary>
public sealed class RestHardeningTests
{
    private const string FormType = "application/x-www-form-urlencoded";

    [Fact]
    public async Task A_replayed_signed_post_is_refused_with_1099_and_creates_nothing()
    {
        await using var harness = await ExchangeHarness.StartAsync(TransportKind.WebSocket);
        var (key, secret) = SeedKey(harness, ApiKeyPermissions.All);
        using var http = new HttpClient { BaseAddress = harness.Exchange.HttpBaseAddress };
        var body = Signed(secret, $"restrictions=Account&label=bot&timestamp={Now(harness)}");

        using var first = await PostAsync(http, "create", key, body, FormType);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var replay = await PostAsync(http, "create", key, body, FormType);
        await AssertErrorAsync(replay, HttpStatusCode.BadRequest, ApiKeysRestErrorCodes.DuplicateRequest);

        // Once the window has closed the same request is stale (-1021), still not executed.
        harness.Clock.Advance(TimeSpan.FromSeconds(6));
        using var late = await PostAsync(http, "create", key, body, FormType);
        await AssertErrorAsync(late, HttpStatusCode.BadRequest, ApiKeysRestErrorCodes.InvalidTimestamp);
        Assert.Equal(2, harness.Exchange.ApiKeys.List(new ApiKeyOwner(5, harness.AliceId), null, 1, 100).Total);

        // A fresh signature (new timestamp) is a new request.
        using var fresh = await PostAsync(http, "create", key, Signed(secret, $"restrictions=Account&label=bot&timestamp={Now(harness)}"), FormType);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(3, harness.Exchange.ApiKeys.List(new ApiKeyOwner(5, harness.AliceId), null, 1, 100).Total);
    }

    [Fact]
    public async Task A_replay_is_refused_whether_the_signature_travels_in_the_query_or_the_body_and_gets_are_not_remembered()
    {
        await using var harness = await ExchangeHarness.StartAsync(TransportKind.WebSocket);
        var (key, secret) = SeedKey(harness, ApiKeyPermissions.All);
        using var http = new HttpClient { BaseAddress = harness.Exchange.HttpBaseAddress };
        var victim = harness.Exchange.ApiKeys.Seed(new ApiKeyOwner(5, harness.AliceId), label: "victim");
        var query = Signed(secret, $"apiKey={victim.Entry.ApiKey}&timestamp={Now(harness)}");

        using var revoke = await SendAsync(http, HttpMethod.Post, "revoke?" + query, key, null, null);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        using var again = await SendAsync(http, HttpMethod.Post, "revoke?" + query, key, null, null);
        await AssertErrorAsync(again, HttpStatusCode.BadRequest, ApiKeysRestErrorCodes.DuplicateRequest);

        // GETs are safe to repeat: the contract only refuses replayed POSTs.
        var status = Signed(secret, $"apiKey={victim.Entry.ApiKey}&timestamp={Now(harness)}");
        for (var i = 0; i < 2; i++)
        {
            using var get = await SendAsync(http, HttpMethod.Get, "status?" + status, key, null, null);
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        }
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task A_post_body_that_is_not_form_urlencoded_is_refused_with_415_and_not_executed(string? contentType)
    {
        await using var harness = await ExchangeHarness.StartAsync(TransportKind.WebSocket);
        var (key, secret) = SeedKey(harness, ApiKeyPermissions.All);
        using var http = new HttpClient { BaseAddress = harness.Exchange.HttpBaseAddress };

        using var response = await PostAsync(http, "create", key, Signed(secret, $"label=x&timestamp={Now(harness)}"), contentType);
        await AssertErrorAsync(response, HttpStatusCode.UnsupportedMediaType, ApiKeysRestErrorCodes.UnsupportedContentType);
        Assert.Equal(1, harness.Exchange.ApiKeys.List(new ApiKeyOwner(5, harness.AliceId), null, 1, 100).Total);
    }

    [Fact]
    public async Task A_form_body_with_a_charset_and_a_post_without_a_body_are_accepted()
    {
        await using var harness = await ExchangeHarness.StartAsync(TransportKind.WebSocket);
        var (key, secret) = SeedKey(harness, ApiKeyPermissions.All);
        using var http = new HttpClient { BaseAddress = harness.Exchange.HttpBaseAddress };

        using var withCharset = await PostAsync(http, "create", key, Signed(secret, $"label=a&timestamp={Now(harness)}"), FormType + "; charset=utf-8");
        Assert.Equal(HttpStatusCode.OK, withCharset.StatusCode);
        using var noBody = await SendAsync(http, HttpMethod.Post, "create?" + Signed(secret, $"label=b&timestamp={Now(harness)}"), key, null, null);
        Assert.Equal(HttpStatusCode.OK, noBody.StatusCode);
    }

    [Theory]
    [InlineData("create", false)]
    [InlineData("revoke", true)]
    [InlineData("regenerate-secret", true)]
    public async Task Key_management_needs_a_usable_key_holding_all(string verb, bool namesAKey)
    {
        await using var harness = await ExchangeHarness.StartAsync(TransportKind.WebSocket);
        var owner = new ApiKeyOwner(5, harness.AliceId);
        var target = harness.Exchange.ApiKeys.Seed(owner, label: "target");
        var parameters = namesAKey ? $"apiKey={target.Entry.ApiKey}&" : string.Empty;
        using var http = new HttpClient { BaseAddress = harness.Exchange.HttpBaseAddress };

        // Every module but All: refused.
        var (partial, partialSecret) = SeedKey(harness, ApiKeyPermissions.Account | ApiKeyPermissions.Deposit | ApiKeyPermissions.Withdraw);
        using var refused = await PostAsync(http, verb, partial, Signed(partialSecret, $"{parameters}timestamp={Now(harness)}"), FormType);
        await AssertErrorAsync(refused, HttpStatusCode.Unauthorized, ApiKeysRestErrorCodes.RejectedApiKey);

        // All, but not usable (disabled by the platform): refused.
        var (disabled, disabledSecret) = SeedKey(harness, ApiKeyPermissions.All);
        harness.Exchange.ApiKeys.Disable(null, disabled);
        using var unusable = await PostAsync(http, verb, disabled, Signed(disabledSecret, $"{parameters}timestamp={Now(harness)}"), FormType);
        await AssertErrorAsync(unusable, HttpStatusCode.Unauthorized, ApiKeysRestErrorCodes.RejectedApiKey);

        // The read-only calls only need a usable key of the owner.
        using var list = await SendAsync(http, HttpMethod.Get, "list?" + Signed(partialSecret, $"timestamp={Now(harness)}"), partial, null, null);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);

        // A usable key holding All: executed.
        var (manager, managerSecret) = SeedKey(harness, ApiKeyPermissions.All);
        using var ok = await PostAsync(http, verb, manager, Signed(managerSecret, $"{parameters}timestamp={Now(harness)}"), FormType);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public void The_replay_guard_forgets_a_signature_when_its_window_closes_and_never_holds_more_than_its_capacity()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var guard = new ApiKeysReplayGuard(clock, capacity: 3);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();

        Assert.Equal(ApiKeysReplayVerdict.Accepted, guard.TryAccept("k", "AA", now + 5000, out _));
        Assert.Equal(ApiKeysReplayVerdict.Replayed, guard.TryAccept("k", "aa", now + 5000, out _));   // hex case does not matter
        Assert.Equal(ApiKeysReplayVerdict.Accepted, guard.TryAccept("other", "aa", now + 5000, out _)); // per key
        Assert.Equal(ApiKeysReplayVerdict.Accepted, guard.TryAccept("k", "bb", now + 1000, out _));
        Assert.Equal(ApiKeysReplayVerdict.Full, guard.TryAccept("k", "cc", now + 5000, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(1), retryAfter);
        Assert.Equal(3, guard.Count);

        clock.Advance(TimeSpan.FromMilliseconds(1001));
        Assert.Equal(ApiKeysReplayVerdict.Accepted, guard.TryAccept("k", "cc", now + 5000, out _));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(ApiKeysReplayVerdict.Accepted, guard.TryAccept("k", "dd", now + 60_000, out _));
        Assert.Equal(1, guard.Count);
    }

    private static (string Key, string Secret) SeedKey(ExchangeHarness harness, ApiKeyPermissions permissions)
    {
        var issued = harness.Exchange.ApiKeys.Seed(new ApiKeyOwner(5, harness.AliceId), permissions, label: "raw");
        return (issued.Entry.ApiKey, issued.SecretKey);
    }

    private static string Now(ExchangeHarness harness) => harness.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static string Signed(string secret, string payload) => payload + "&signature=" + ApiKeysSignature.Compute(secret, payload);

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string verb, string key, string body, string? contentType) =>
        SendAsync(http, HttpMethod.Post, verb, key, body, contentType);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string pathAndQuery, string key, string? body, string? contentType)
    {
        using var request = new HttpRequestMessage(method, "api/v1/apikey/" + pathAndQuery);
        request.Headers.Add("X-API-KEY", key);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }
        return await http.SendAsync(request);
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, int code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        Assert.Equal(code, json.RootElement.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("msg").GetString()));
    }
}
