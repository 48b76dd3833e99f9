using BlinkTrade.ApiKeys.Tests.Infrastructure;

namespace BlinkTrade.ApiKeys.Tests.EndToEnd;

/// <summary>The whole key lifecycle through the SDK against the real endpoints, over both transports.</summary>
public sealed class LifecycleTests
{
    [Theory]
    [InlineData(HostKind.TestServer)]
    [InlineData(HostKind.Kestrel)]
    public async Task Create_approve_use_list_regenerate_revoke(HostKind kind)
    {
        await using var exchange = await TestExchange.StartAsync(kind);
        var client = exchange.CreateClient();
        var admin = exchange.CreateAdminClient();

        // Create: pending, unusable, secret returned once (plus the documented apiPassword extension).
        var created = (await client.CreateApiKeyAsync(ApiKeyPermissions.Account | ApiKeyPermissions.Deposit, "bot", ["127.0.0.1"])).Value;
        Assert.Equal(ApiKeyState.PendingApproval, created.State);
        Assert.False(created.IsUsable);
        Assert.Equal(64, created.ApiKey.Length);
        Assert.Equal(64, created.SecretKey.Length);
        Assert.False(string.IsNullOrEmpty(created.ApiPassword));
        Assert.Equal(ApiKeyPermissions.Account | ApiKeyPermissions.Deposit, created.Permissions);
        Assert.Equal("bot", created.Label);
        Assert.Equal(exchange.Time.GetUtcNow().ToUnixTimeMilliseconds(), created.CreateTime.ToUnixTimeMilliseconds(), 5000.0);

        var pending = await client.GetStatusAsync(ApiKeyReference.ById(created.ApiId));
        Assert.False(pending.Value.IsUsable);
        Assert.Equal(ApiKeyState.PendingApproval, pending.Value.State);
        Assert.NotNull(pending.UsedWeight1M);

        // The pending key cannot sign anything yet.
        var newKeyClient = exchange.CreateClient(created.ToCredential());
        var refused = await Assert.ThrowsAsync<ApiKeysRequestException>(() => newKeyClient.GetStatusAsync(ApiKeyReference.ById(created.ApiId)));
        Assert.Equal((401, -2015), (refused.Status, refused.ErrorCode));

        // Approve with an override: usable now.
        var approved = (await admin.ApproveAsync(ApiKeyReference.ByKey(created.ApiKey), ApiKeyPermissions.Account)).Value;
        Assert.Equal(ApiKeyState.Active, approved.State);
        Assert.True(approved.IsUsable);
        Assert.Equal(ApiKeyPermissions.Account, approved.Permissions);
        var own = (await newKeyClient.GetStatusAsync(ApiKeyReference.ById(created.ApiId))).Value;
        Assert.True(own.IsUsable);

        // List with paging through IAsyncEnumerable: 1 seed + 1 created + 4 more = 6 keys over 3 pages of 2.
        for (var i = 0; i < 4; i++)
        {
            await client.CreateApiKeyAsync(label: $"k{i}");
        }
        var pagedClient = exchange.CreateClient(configure: o => o.PageSize = 2);
        var all = new List<ApiKeyInfo>();
        await foreach (var key in pagedClient.GetApiKeysAsync())
        {
            all.Add(key);
        }
        Assert.Equal(6, all.Count);
        Assert.Equal(6, all.Select(k => k.ApiId).Distinct().Count());
        var listed = all.Single(k => k.ApiId == created.ApiId);
        Assert.Equal(["127.0.0.1"], listed.IpWhiteList);
        Assert.NotNull(listed.LastUsedTime);
        var pendingOnly = new List<ApiKeyInfo>();
        await foreach (var key in pagedClient.GetApiKeysAsync(ApiKeyState.PendingApproval))
        {
            pendingOnly.Add(key);
        }
        Assert.Equal(4, pendingOnly.Count);
        var page = (await pagedClient.GetApiKeysPageAsync(3, 2)).Value;
        Assert.Equal((3, 2, 6, 2), (page.Page, page.PageSize, page.Total, page.Rows.Count));

        // Regenerate: the old secret fails at once, the new one works.
        var regenerated = (await client.RegenerateSecretAsync(ApiKeyReference.ById(created.ApiId))).Value;
        Assert.NotEqual(created.SecretKey, regenerated.SecretKey);
        var stale = await Assert.ThrowsAsync<ApiKeysRequestException>(() => newKeyClient.GetStatusAsync(ApiKeyReference.ById(created.ApiId)));
        Assert.Equal((400, -1022), (stale.Status, stale.ErrorCode));
        var renewed = exchange.CreateClient(regenerated.ToCredential());
        Assert.True((await renewed.GetStatusAsync(ApiKeyReference.ById(created.ApiId))).Value.IsUsable);

        // Revoke: unusable for good.
        var revoked = (await client.RevokeAsync(ApiKeyReference.ById(created.ApiId))).Value;
        Assert.Equal(ApiKeyState.Revoked, revoked.State);
        Assert.False(revoked.IsUsable);
        var after = (await client.GetStatusAsync(ApiKeyReference.ByKey(created.ApiKey))).Value;
        Assert.Equal(ApiKeyState.Revoked, after.State);
        Assert.False(after.IsUsable);
        var gone = await Assert.ThrowsAsync<ApiKeysRequestException>(() => renewed.GetStatusAsync(ApiKeyReference.ById(created.ApiId)));
        Assert.Equal((401, -2015), (gone.Status, gone.ErrorCode));
        var reapprove = await Assert.ThrowsAsync<ApiKeysRequestException>(() => admin.ApproveAsync(ApiKeyReference.ById(created.ApiId)));
        Assert.Equal((400, -1130), (reapprove.Status, reapprove.ErrorCode));

        // Errors name status and code only; the secret never reached an exception or any log line (client or server side).
        foreach (var exception in new[] { refused, stale, gone, reapprove })
        {
            Assert.DoesNotContain(created.SecretKey, exception.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(regenerated.SecretKey, exception.ToString(), StringComparison.Ordinal);
        }
        Assert.Contains("API-key request", exchange.Logs.AllText, StringComparison.Ordinal);
        Assert.Contains("refused with HTTP 401", exchange.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(created.SecretKey, exchange.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(regenerated.SecretKey, exchange.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(created.ApiPassword!, exchange.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(exchange.User.SecretKey, exchange.Logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HostKind.TestServer)]
    [InlineData(HostKind.Kestrel)]
    public async Task Admin_reject_disable_enable(HostKind kind)
    {
        await using var exchange = await TestExchange.StartAsync(kind);
        var client = exchange.CreateClient();
        var admin = exchange.CreateAdminClient();

        var a = (await client.CreateApiKeyAsync()).Value;
        var rejected = (await admin.RejectAsync(ApiKeyReference.ById(a.ApiId))).Value;
        Assert.Equal(ApiKeyState.Rejected, rejected.State);
        Assert.False(rejected.IsUsable);

        var b = (await client.CreateApiKeyAsync()).Value;
        await admin.ApproveAsync(ApiKeyReference.ById(b.ApiId));
        Assert.Equal(ApiKeyState.Disabled, (await admin.DisableAsync(ApiKeyReference.ById(b.ApiId))).Value.State);
        var bClient = exchange.CreateClient(b.ToCredential());
        var disabled = await Assert.ThrowsAsync<ApiKeysRequestException>(() => bClient.GetStatusAsync(ApiKeyReference.ById(b.ApiId)));
        Assert.Equal(-2015, disabled.ErrorCode);
        Assert.Equal(ApiKeyState.Active, (await admin.EnableAsync(ApiKeyReference.ById(b.ApiId))).Value.State);
        Assert.True((await bClient.GetStatusAsync(ApiKeyReference.ById(b.ApiId))).Value.IsUsable);

        var invalid = await Assert.ThrowsAsync<ApiKeysRequestException>(() => admin.EnableAsync(ApiKeyReference.ById(b.ApiId)));
        Assert.Equal((400, -1130), (invalid.Status, invalid.ErrorCode));
        var unknown = await Assert.ThrowsAsync<ApiKeysRequestException>(() => admin.ApproveAsync(ApiKeyReference.ById("999999")));
        Assert.Equal((400, -2008), (unknown.Status, unknown.ErrorCode));
    }

    [Fact]
    public async Task A_secret_can_be_rotated_in_place_on_the_same_client()
    {
        await using var exchange = await TestExchange.StartAsync();
        var credential = new ApiKeysCredential(exchange.User.Entry.ApiKey, exchange.User.SecretKey);
        var client = exchange.CreateClient(credential);
        var regenerated = (await client.RegenerateSecretAsync(ApiKeyReference.ByKey(credential.ApiKey))).Value;
        await Assert.ThrowsAsync<ApiKeysRequestException>(() => client.GetStatusAsync(ApiKeyReference.ByKey(credential.ApiKey)));
        credential.Update(regenerated.ApiKey, regenerated.SecretKey);
        Assert.True((await client.GetStatusAsync(ApiKeyReference.ByKey(credential.ApiKey))).Value.IsUsable);
        Assert.Equal(1, client.LastUsedWeight1M is > 0 ? 1 : 0);
    }

    [Fact]
    public async Task A_key_created_over_rest_can_authenticate_with_its_api_password_once_approved()
    {
        // Stand-in for "log in over the WebSocket" until the gateway exists: the same store call the BE login will make.
        await using var exchange = await TestExchange.StartAsync(HostKind.Kestrel);
        var created = (await exchange.CreateClient().CreateApiKeyAsync(ApiKeyPermissions.Account | ApiKeyPermissions.Withdraw, "ws", ["127.0.0.1"])).Value;
        Assert.NotNull(created.ApiPassword);
        Assert.Null(exchange.Store.AuthenticateWithPassword(created.ApiKey, created.ApiPassword, "127.0.0.1"));

        await exchange.CreateAdminClient().ApproveAsync(ApiKeyReference.ById(created.ApiId));
        var session = exchange.Store.AuthenticateWithPassword(created.ApiKey, created.ApiPassword, "127.0.0.1");
        Assert.NotNull(session);
        Assert.Equal(TestExchange.Alice, session.Owner);
        Assert.Equal("""{"BF":[],"U2":[],"U4":[],"U32":[],"U34":[],"U6":[],"U24":[],"U26":[],"U70":[]}""", session.PermissionList.GetRawText());
        Assert.Equal(1, BlinkTrade.Testing.ApiKeys.ApiKeyStatusCodes.ToWebSocketStatus(session.State));
        Assert.Null(exchange.Store.AuthenticateWithPassword(created.ApiKey, created.SecretKey, "127.0.0.1"));
        Assert.Null(exchange.Store.AuthenticateWithPassword(created.ApiKey, created.ApiPassword, "10.0.0.1"));

        // The REST list shows the login as the key's last use.
        var listed = await FindAsync(exchange.CreateClient(), created.ApiId);
        Assert.NotNull(listed.LastUsedTime);
    }

    [Theory]
    [InlineData(HostKind.TestServer, "bot ü & co=100%, \"q\" + p")]
    [InlineData(HostKind.Kestrel, "bot ü & co=100%, \"q\" + p")]
    [InlineData(HostKind.Kestrel, "a/b?c#d;e")]
    public async Task Labels_with_reserved_characters_round_trip_and_sign_correctly(HostKind kind, string label)
    {
        await using var exchange = await TestExchange.StartAsync(kind);
        var client = exchange.CreateClient();
        var created = (await client.CreateApiKeyAsync(ApiKeyPermissions.Account, label)).Value;
        Assert.Equal(label, created.Label);
        var row = await FindAsync(client, created.ApiId);
        Assert.Equal(label, row.Label);
        Assert.Equal(ApiKeyState.PendingApproval, (await client.GetApiKeysPageAsync(state: ApiKeyState.PendingApproval)).Value.Rows.Single().State);
    }

    private static async Task<ApiKeyInfo> FindAsync(ApiKeysClient client, string apiId)
    {
        await foreach (var key in client.GetApiKeysAsync())
        {
            if (key.ApiId == apiId)
            {
                return key;
            }
        }
        throw new InvalidOperationException("not listed");
    }
}
