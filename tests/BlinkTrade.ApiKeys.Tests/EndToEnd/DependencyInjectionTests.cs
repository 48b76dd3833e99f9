using BlinkTrade.ApiKeys.Tests.Infrastructure;
using BlinkTrade.Testing.Hosting.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlinkTrade.ApiKeys.Tests.EndToEnd;

/// <summary>The typed clients from IHttpClientFactory, with the same signing and retry handlers.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task Typed_clients_resolve_sign_and_retry()
    {
        await using var exchange = await TestExchange.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(exchange.Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddBlinkTradeApiKeys(o =>
        {
            o.Endpoint = exchange.BaseAddress;
            o.Credential = new ApiKeysCredential(exchange.User.Entry.ApiKey, exchange.User.SecretKey);
            o.RetryDelay = TimeSpan.FromMilliseconds(1);
        }).ConfigurePrimaryHttpMessageHandler(() => exchange.CreateTransport());
        services.AddBlinkTradeApiKeysAdmin(o =>
        {
            o.Endpoint = exchange.BaseAddress;
            o.Credential = new ApiKeysCredential(exchange.Admin.Entry.ApiKey, exchange.Admin.SecretKey);
        }).ConfigurePrimaryHttpMessageHandler(() => exchange.CreateTransport());
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ApiKeysClient>();
        var admin = provider.GetRequiredService<ApiKeysAdminClient>();
        exchange.Faults.FailNext(1, 503, "status");
        var created = (await client.CreateApiKeyAsync(ApiKeyPermissions.Withdraw)).Value;
        var approved = (await admin.ApproveAsync(ApiKeyReference.ById(created.ApiId))).Value;
        Assert.Equal(ApiKeyState.Active, approved.State);
        var status = await client.GetStatusAsync(ApiKeyReference.ById(created.ApiId));
        Assert.True(status.Value.IsUsable);
        Assert.Equal(ApiKeyPermissions.Withdraw, status.Value.Permissions);
        Assert.Equal(2, exchange.Faults.RequestCount("status"));
        Assert.NotNull(client.LastUsedWeight1M);

        // IHttpClientFactory's own logging must not leak secrets either.
        Assert.DoesNotContain(created.SecretKey, exchange.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(exchange.User.SecretKey, exchange.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(exchange.Admin.SecretKey, exchange.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoints_map_onto_any_route_builder_under_a_custom_prefix()
    {
        var store = new BlinkTrade.Testing.ApiKeys.ApiKeyStore();
        var user = store.Seed(TestExchange.Alice);
        await using var server = await ApiKeysRestTestServer.StartAsync(store, new ApiKeysRestOptions { RoutePrefix = "/custom/apikey" });
        using var http = new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress };
        var ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var query = $"apiId={user.Entry.ApiId}&timestamp={ts}";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"custom/apikey/status?{query}&signature={ApiKeysSignature.Compute(user.SecretKey, query)}");
        request.Headers.Add("X-API-KEY", user.Entry.ApiKey);
        using var response = await http.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("\"state\":\"ACTIVE\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
