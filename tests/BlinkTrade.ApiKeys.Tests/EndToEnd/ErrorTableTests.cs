using System.Text.Json;
using BlinkTrade.ApiKeys.Tests.Infrastructure;
using BlinkTrade.Testing.ApiKeys;

namespace BlinkTrade.ApiKeys.Tests.EndToEnd;

/// <summary>Every row of the contract's error table, triggered against the real endpoints.</summary>
public sealed class ErrorTableTests
{
    private static (int Code, string Msg) ReadError(string body)
    {
        using var document = JsonDocument.Parse(body);
        return (document.RootElement.GetProperty("code").GetInt32(), document.RootElement.GetProperty("msg").GetString()!);
    }

    [Fact]
    public async Task Minus1021_timestamp_outside_the_window_both_ways()
    {
        await using var exchange = await TestExchange.StartAsync(manualClock: true);
        var now = exchange.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var user = exchange.User;

        var old = await exchange.SendRawAsync(HttpMethod.Get, "status", "apiId=" + user.Entry.ApiId, "", user.Entry.ApiKey, user.SecretKey, timestamp: now - 5001);
        Assert.Equal((400, -1021), (old.Status, ReadError(old.Body).Code));
        var future = await exchange.SendRawAsync(HttpMethod.Get, "status", "apiId=" + user.Entry.ApiId, "", user.Entry.ApiKey, user.SecretKey, timestamp: now + 1000);
        Assert.Equal((400, -1021), (future.Status, ReadError(future.Body).Code));
        var edge = await exchange.SendRawAsync(HttpMethod.Get, "status", "apiId=" + user.Entry.ApiId, "", user.Entry.ApiKey, user.SecretKey, timestamp: now - 5000);
        Assert.Equal(200, edge.Status);
        var widened = await exchange.SendRawAsync(HttpMethod.Get, "status", "apiId=" + user.Entry.ApiId + "&recvWindow=60000", "", user.Entry.ApiKey,
            user.SecretKey, timestamp: now - 59_000);
        Assert.Equal(200, widened.Status);

        // Through the SDK: a client clock 10 s behind the server.
        var lagging = exchange.CreateClient(configure: o => o.TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(exchange.Time.GetUtcNow().AddSeconds(-10)));
        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => lagging.GetStatusAsync(ApiKeyReference.ById(user.Entry.ApiId)));
        Assert.Equal((400, -1021), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task Minus1022_bad_signature_and_tampered_parameters()
    {
        await using var exchange = await TestExchange.StartAsync();
        var wrongSecret = exchange.CreateClient(new ApiKeysCredential(exchange.User.Entry.ApiKey, new string('x', 64)));
        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => wrongSecret.GetStatusAsync(ApiKeyReference.ById(exchange.User.Entry.ApiId)));
        Assert.Equal((400, -1022), (error.Status, error.ErrorCode));

        // A body changed after signing (signature computed over a different body).
        var user = exchange.User;
        var ts = exchange.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var query = $"timestamp={ts}";
        var signature = ApiKeysSignature.Compute(user.SecretKey, query, "restrictions=Account");
        var tampered = await exchange.SendRawAsync(HttpMethod.Post, "create", query + "&signature=" + signature, "restrictions=All", user.Entry.ApiKey, null,
            addTimestamp: false, sign: false);
        Assert.Equal((400, -1022), (tampered.Status, ReadError(tampered.Body).Code));

        // Signature in the body instead of the query is also accepted (it is stripped before verifying).
        var bodySigned = await exchange.SendRawAsync(HttpMethod.Post, "create", query, "restrictions=Account&signature=" + signature, user.Entry.ApiKey, null,
            addTimestamp: false, sign: false);
        Assert.Equal(200, bodySigned.Status);
    }

    [Fact]
    public async Task Minus1102_missing_mandatory_parameters()
    {
        await using var exchange = await TestExchange.StartAsync();
        var user = exchange.User;
        var noId = await exchange.SendRawAsync(HttpMethod.Get, "status", "", "", user.Entry.ApiKey, user.SecretKey);
        Assert.Equal((400, -1102), (noId.Status, ReadError(noId.Body).Code));
        var noTimestamp = await exchange.SendRawAsync(HttpMethod.Get, "status", "apiId=1", "", user.Entry.ApiKey, user.SecretKey, addTimestamp: false);
        Assert.Equal((400, -1102), (noTimestamp.Status, ReadError(noTimestamp.Body).Code));
        var noSignature = await exchange.SendRawAsync(HttpMethod.Get, "status", "apiId=1", "", user.Entry.ApiKey, user.SecretKey, sign: false);
        Assert.Equal((400, -1102), (noSignature.Status, ReadError(noSignature.Body).Code));
        var noKey = await exchange.SendRawAsync(HttpMethod.Post, "revoke", "", "", user.Entry.ApiKey, user.SecretKey);
        Assert.Equal((400, -1102), (noKey.Status, ReadError(noKey.Body).Code));
    }

    [Fact]
    public async Task Minus1130_invalid_values()
    {
        await using var exchange = await TestExchange.StartAsync();
        var user = exchange.User;
        var client = exchange.CreateClient();

        var restrictions = await exchange.SendRawAsync(HttpMethod.Post, "create", "", "restrictions=Account%2CTrading", user.Entry.ApiKey, user.SecretKey);
        Assert.Equal((400, -1130), (restrictions.Status, ReadError(restrictions.Body).Code));
        var ip = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.CreateApiKeyAsync(ipWhiteList: ["not-an-ip"]));
        Assert.Equal((400, -1130), (ip.Status, ip.ErrorCode));
        var label = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.CreateApiKeyAsync(label: new string('l', 33)));
        Assert.Equal(-1130, label.ErrorCode);
        var pageSize = await exchange.SendRawAsync(HttpMethod.Get, "list", "pageSize=101", "", user.Entry.ApiKey, user.SecretKey);
        Assert.Equal((400, -1130), (pageSize.Status, ReadError(pageSize.Body).Code));
        var state = await exchange.SendRawAsync(HttpMethod.Get, "list", "state=SLEEPING", "", user.Entry.ApiKey, user.SecretKey);
        Assert.Equal((400, -1130), (state.Status, ReadError(state.Body).Code));
        var window = await exchange.SendRawAsync(HttpMethod.Get, "list", "recvWindow=60001", "", user.Entry.ApiKey, user.SecretKey);
        Assert.Equal((400, -1130), (window.Status, ReadError(window.Body).Code));

        // Invalid transition: approving an already active key.
        var admin = exchange.CreateAdminClient();
        var transition = await Assert.ThrowsAsync<ApiKeysRequestException>(() => admin.ApproveAsync(ApiKeyReference.ById(user.Entry.ApiId)));
        Assert.Equal((400, -1130), (transition.Status, transition.ErrorCode));
    }

    [Fact]
    public async Task Minus2008_unknown_and_foreign_keys_look_the_same()
    {
        await using var exchange = await TestExchange.StartAsync();
        var bobs = exchange.Store.Seed(TestExchange.Bob, label: "bob");
        var client = exchange.CreateClient();

        var unknown = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.GetStatusAsync(ApiKeyReference.ById("424242")));
        var foreign = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.GetStatusAsync(ApiKeyReference.ById(bobs.Entry.ApiId)));
        Assert.Equal((400, -2008), (unknown.Status, unknown.ErrorCode));
        Assert.Equal((unknown.Status, unknown.ErrorCode, unknown.ServerMessage), (foreign.Status, foreign.ErrorCode, foreign.ServerMessage));

        var revokeForeign = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.RevokeAsync(ApiKeyReference.ByKey(bobs.Entry.ApiKey)));
        Assert.Equal(-2008, revokeForeign.ErrorCode);
        var regenerateForeign = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.RegenerateSecretAsync(ApiKeyReference.ById(bobs.Entry.ApiId)));
        Assert.Equal(-2008, regenerateForeign.ErrorCode);
        Assert.Equal(ApiKeyLifecycleState.Active, exchange.Store.Find(bobs.Entry.ApiId, null)!.State);

        // apiId and apiKey naming different keys.
        var both = await exchange.SendRawAsync(HttpMethod.Get, "status", $"apiId={exchange.User.Entry.ApiId}&apiKey={bobs.Entry.ApiKey}", "",
            exchange.User.Entry.ApiKey, exchange.User.SecretKey);
        Assert.Equal((400, -2008), (both.Status, ReadError(both.Body).Code));

        // The list never shows another owner's keys.
        await foreach (var key in client.GetApiKeysAsync())
        {
            Assert.NotEqual(bobs.Entry.ApiId, key.ApiId);
        }
    }

    [Fact]
    public async Task Minus2014_missing_or_malformed_key_header()
    {
        await using var exchange = await TestExchange.StartAsync();
        var missing = await exchange.SendRawAsync(HttpMethod.Get, "status", "apiId=1", "", null, exchange.User.SecretKey);
        Assert.Equal((401, -2014), (missing.Status, ReadError(missing.Body).Code));
        var malformed = await exchange.SendRawAsync(HttpMethod.Get, "status", "apiId=1", "", "short-key!", exchange.User.SecretKey);
        Assert.Equal((401, -2014), (malformed.Status, ReadError(malformed.Body).Code));
    }

    [Fact]
    public async Task Minus2015_unknown_key_ip_and_permissions()
    {
        await using var exchange = await TestExchange.StartAsync();
        var id = ApiKeyReference.ById(exchange.User.Entry.ApiId);

        var unknown = exchange.CreateClient(new ApiKeysCredential(new string('A', 64), new string('s', 64)));
        Assert.Equal((401, -2015), await StatusOf(() => unknown.GetStatusAsync(id)));

        var pinned = exchange.Store.Seed(TestExchange.Alice, label: "pinned", ipWhiteList: ["10.1.2.3"]);
        var fromElsewhere = exchange.CreateClient(new ApiKeysCredential(pinned.Entry.ApiKey, pinned.SecretKey), transport: exchange.CreateTransport("10.9.9.9"));
        Assert.Equal((401, -2015), await StatusOf(() => fromElsewhere.GetStatusAsync(id)));
        var fromWhitelisted = exchange.CreateClient(new ApiKeysCredential(pinned.Entry.ApiKey, pinned.SecretKey), transport: exchange.CreateTransport("10.1.2.3"));
        Assert.True((await fromWhitelisted.GetStatusAsync(id)).Value.IsUsable);

        var readOnly = exchange.Store.Seed(TestExchange.Alice, ApiKeyPermissions.Account, "read-only");
        var limited = exchange.CreateClient(new ApiKeysCredential(readOnly.Entry.ApiKey, readOnly.SecretKey));
        Assert.Equal((401, -2015), await StatusOf(() => limited.CreateApiKeyAsync()));
        Assert.True((await limited.GetStatusAsync(id)).Value.IsUsable);

        // Customer keys cannot administer; the admin key cannot act as a customer.
        var customerAsAdmin = exchange.CreateAdminClient(new ApiKeysCredential(exchange.User.Entry.ApiKey, exchange.User.SecretKey));
        Assert.Equal((401, -2015), await StatusOf(() => customerAsAdmin.DisableAsync(id)));
        var adminAsCustomer = exchange.CreateClient(new ApiKeysCredential(exchange.Admin.Entry.ApiKey, exchange.Admin.SecretKey));
        Assert.Equal((401, -2015), await StatusOf(() => adminAsCustomer.CreateApiKeyAsync()));
    }

    [Fact]
    public async Task Rate_limit_429_then_418_with_retry_after_and_used_weight()
    {
        await using var exchange = await TestExchange.StartAsync(manualClock: true, configure: o => o.WeightLimitPerMinute = 3);
        var client = exchange.CreateClient(configure: o => o.MaxRetries = 0);
        var id = ApiKeyReference.ById(exchange.User.Entry.ApiId);

        for (var i = 1; i <= 3; i++)
        {
            var ok = await client.GetStatusAsync(id);
            Assert.Equal(i, ok.UsedWeight1M);
        }
        var limited = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.GetStatusAsync(id));
        Assert.Equal((429, -1003), (limited.Status, limited.ErrorCode));
        Assert.Equal(TimeSpan.FromSeconds(60), limited.RetryAfter);
        Assert.Equal(3, limited.UsedWeight1M);

        var banned = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.GetStatusAsync(id));
        Assert.Equal((418, -1003), (banned.Status, banned.ErrorCode));
        Assert.Equal(TimeSpan.FromMinutes(2), banned.RetryAfter);

        // The ban outlasts the window; afterwards the IP starts afresh.
        exchange.Clock!.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(418, (await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.GetStatusAsync(id))).Status);
        exchange.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await client.GetStatusAsync(id)).UsedWeight1M);
    }

    [Fact]
    public async Task Rate_limits_are_per_client_ip()
    {
        await using var exchange = await TestExchange.StartAsync(manualClock: true, configure: o => o.WeightLimitPerMinute = 1);
        var id = ApiKeyReference.ById(exchange.User.Entry.ApiId);
        var first = exchange.CreateClient(configure: o => o.MaxRetries = 0, transport: exchange.CreateTransport("10.0.0.1"));
        var second = exchange.CreateClient(configure: o => o.MaxRetries = 0, transport: exchange.CreateTransport("10.0.0.2"));
        await first.GetStatusAsync(id);
        Assert.Equal(429, (await Assert.ThrowsAsync<ApiKeysRequestException>(() => first.GetStatusAsync(id))).Status);
        Assert.Equal(1, (await second.GetStatusAsync(id)).UsedWeight1M);
        exchange.RateLimiter.Reset();
        Assert.Equal(1, (await first.GetStatusAsync(id)).UsedWeight1M);
    }

    [Fact]
    public async Task Weights_follow_the_contract()
    {
        await using var exchange = await TestExchange.StartAsync(manualClock: true);
        var client = exchange.CreateClient();
        Assert.Equal(1, (await client.GetStatusAsync(ApiKeyReference.ById(exchange.User.Entry.ApiId))).UsedWeight1M);
        Assert.Equal(6, (await client.GetApiKeysPageAsync()).UsedWeight1M);
        var created = await client.CreateApiKeyAsync();
        Assert.Equal(16, created.UsedWeight1M);
        Assert.Equal(26, (await client.RegenerateSecretAsync(ApiKeyReference.ById(created.Value.ApiId))).UsedWeight1M);
        Assert.Equal(27, (await client.RevokeAsync(ApiKeyReference.ById(created.Value.ApiId))).UsedWeight1M);
        Assert.Equal(27, client.LastUsedWeight1M);
        var admin = exchange.CreateAdminClient();
        var adminError = await Assert.ThrowsAsync<ApiKeysRequestException>(() => admin.EnableAsync(ApiKeyReference.ById(created.Value.ApiId)));
        Assert.Equal(28, adminError.UsedWeight1M);
    }

    [Fact]
    public async Task Server_faults_answer_minus1000_without_internals()
    {
        await using var exchange = await TestExchange.StartAsync();
        exchange.Faults.ThrowNext(1, "status");
        var user = exchange.User;
        var raw = await exchange.SendRawAsync(HttpMethod.Get, "status", "apiId=" + user.Entry.ApiId, "", user.Entry.ApiKey, user.SecretKey);
        Assert.Equal(500, raw.Status);
        var (code, msg) = ReadError(raw.Body);
        Assert.Equal(-1000, code);
        Assert.DoesNotContain("Injected server bug", raw.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", raw.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", raw.Body, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(msg));
        Assert.True(raw.Response.Headers.Contains("X-USED-WEIGHT-1M"));

        // The server logs the failure for its operators; the client saw only the generic text.
        Assert.Contains("Unhandled failure in API-key endpoint status", exchange.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(user.SecretKey, exchange.Logs.AllText, StringComparison.Ordinal);

        exchange.Faults.FailNext(1, 503, "create");
        var client = exchange.CreateClient();
        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.CreateApiKeyAsync());
        Assert.Equal((503, -1000), (error.Status, error.ErrorCode));
        Assert.True(error.IsOutcomeUnknown);
    }

    private static async Task<(int, int?)> StatusOf(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<ApiKeysRequestException>(call);
        return (error.Status, error.ErrorCode);
    }
}
